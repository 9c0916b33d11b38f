// Refused before any registry is asked, naming the link, its target and the setting.
def support = evaluate(new File(supportScript))

support.assertRefused([
    '<extraDirectories><paths><path><from>',
    'the symbolic link ',
    'src/main/config/machine-id points to /etc/hostname, outside ',
    'no file of this machine goes into the image',
])
support.assertNothingPushed('refuses-extra-directory-link-outside')
