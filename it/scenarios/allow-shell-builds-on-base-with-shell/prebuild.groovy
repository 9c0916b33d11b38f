// The fixture base with a shell, and no image left from an earlier run of this scenario.
def support = evaluate(new File(supportScript))
support.baseWithShell()
support.deleteTags('allow-shell-builds-on-base-with-shell')
