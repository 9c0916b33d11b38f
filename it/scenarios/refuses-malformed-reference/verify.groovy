// A malformed <to><image> is refused with the value and the expected form.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<to><image>",
    "'Not A Valid//Ref'",
    "image reference",
])
support.assertNothingPushed('refuses-malformed-reference')
