// Two candidates and no <mainClass>: the goal lists both and shows how to choose.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<container><mainClass>",
    "com.example.refuses.Client",
    "com.example.refuses.Server",
    "-Ddistroless.container.mainClass=",
])
support.assertNothingPushed('refuses-two-main-classes')
