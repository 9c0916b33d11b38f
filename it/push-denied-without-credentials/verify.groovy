// No credentials for a registry that demands them: an execution error naming the image and
// where credentials go; nothing pushed, no result written.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert failure: 'the build did not fail in the distroless goal'
assert log.contains('MojoExecutionException'): 'a registry refusal is an execution error, not a configuration one'
["${authRegistry}/it/push-denied-without-credentials", '<auth>', 'settings.xml <server>', 'config.json'].each {
  assert failure.contains(it): "the failure does not say '${it}': ${failure}"
}
support.assertNoImageOutputs()
String status = support.run(['curl', '-ksS', '-u', 'it-user:it-secret-4711', '-o', '/dev/null', '-w', '%{http_code}',
    "https://${authRegistry}/v2/it/push-denied-without-credentials/tags/list"])
assert status.trim() == '404': "the repository exists (HTTP ${status.inspect()}): something was pushed"
