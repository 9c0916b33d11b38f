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
support.assertNothingPushedToAuthRegistry('it/push-denied-without-credentials')
