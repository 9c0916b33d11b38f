// Root is refused unless <allowRoot> says so, naming <user> and the way out.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<container><user>",
    "'root'",
    "<allowRoot>true</allowRoot>",
])
support.assertNothingPushed('refuses-root-user')
