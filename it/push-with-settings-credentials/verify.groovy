// Pushed with the settings.xml server's decrypted password, which no log line shows.
def support = evaluate(new File(supportScript))

String digest = support.writtenDigest()
String pushed = support.run(['curl', '-kfsS', '-u', 'it-user:it-secret-4711', '-o', '/dev/null',
    '-w', '%header{docker-content-digest}',
    '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json',
    "https://${authRegistry}/v2/it/push-with-settings-credentials/manifests/1"])
assert pushed.trim() == digest: "the registry holds ${pushed}, the build wrote ${digest}"

String log = support.buildLog()
assert log.contains('[DEBUG]'): 'the build was meant to run with -X'
for (String secret : ['it-secret-4711', 'aXQtdXNlcjppdC1zZWNyZXQtNDcxMQ', 'mZhhhOgTpgoH1VIW9MN7']) {
  assert !log.contains(secret): "a secret reached the log: ${secret}"
}
