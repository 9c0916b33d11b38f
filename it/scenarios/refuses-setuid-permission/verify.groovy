// A setuid mode for app files is refused before any network call, naming the glob and the fix.
def support = evaluate(new File(supportScript))

support.assertRefused([
    '<extraDirectories><permissions><permission><mode>',
    "'/app/bin/*' gets mode 4755",
    'setuid or setgid',
    'e.g. 755',
])
support.assertNothingPushed('it/refuses-setuid-permission')
