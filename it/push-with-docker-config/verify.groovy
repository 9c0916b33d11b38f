// Pushed with the credentials of the docker config.json that DOCKER_CONFIG names.
def support = evaluate(new File(supportScript))

String digest = support.writtenDigest()
String pushed = support.run(['curl', '-kfsS', '-u', 'it-user:it-secret-4711', '-o', '/dev/null',
    '-w', '%header{docker-content-digest}',
    '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json',
    "https://${authRegistry}/v2/it/push-with-docker-config/manifests/1"])
assert pushed.trim() == digest: "the registry holds ${pushed}, the build wrote ${digest}"
assert !support.buildLog().contains('it-secret-4711'): 'the password reached the log'
