// With no main method anywhere, the goal asks for <mainClass> or <entrypoint>.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<container><mainClass>",
    "main(String[])",
    "<container><entrypoint>",
])
support.assertNothingPushed('refuses-no-main-class')
