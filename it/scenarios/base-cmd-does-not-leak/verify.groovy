// Neither the base's Entrypoint (java -jar) nor its Cmd reaches the image.
def support = evaluate(new File(supportScript))

Map config = support.imageConfig("${registry}/it/base-cmd-does-not-leak:1")
assert config.Entrypoint == ['/usr/bin/java', '-cp', '/app/classes', 'it.leak.App']: "Entrypoint: ${config.Entrypoint}"
assert !config.Cmd: "the base's Cmd leaked: ${config.Cmd}"
String out = support.run(['podman', 'run', '--rm', '--tls-verify=false', "${registry}/it/base-cmd-does-not-leak:1"], [:], 120)
assert out.trim() == 'args=0': "the app got arguments it was not given: ${out}"
