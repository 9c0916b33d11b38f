// The fixture base: the java17 test base plus a Cmd, pushed for the build to use.
def support = evaluate(new File(supportScript))

String fixture = "${registry}/it/fixtures/java17-with-cmd:1"
support.run(['podman', 'build', '--quiet', '--tls-verify=false', '--build-arg', "REGISTRY=${registry}",
    '-t', fixture, '-f', new File(basedir, 'Containerfile').path, basedir.path], [:], 300)
support.run(['podman', 'push', '--quiet', '--tls-verify=false', fixture], [:], 300)
Map config = support.imageConfig(fixture)
assert config.Cmd == ['--leaked-from-base']: "the fixture has no Cmd to leak: ${config}"
