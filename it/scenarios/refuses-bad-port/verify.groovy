// A port outside 1-65535 is refused, naming <ports>, the value and the valid range.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<container><ports>",
    "'99999'",
    "1-65535",
])
support.assertNothingPushed('refuses-bad-port')
