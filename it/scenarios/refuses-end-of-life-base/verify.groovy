// An end-of-life base is refused before any pull, naming its Debian 13 replacement and the
// way to build on it anyway.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert failure: 'the build did not fail in the distroless goal'
['<from><image>', 'gcr.io/distroless/java17-debian12:nonroot', 'end-of-life',
 'Use gcr.io/distroless/java17-debian13:nonroot instead', '<allowEndOfLifeBase>true</allowEndOfLifeBase>'].each {
  assert failure.contains(it): "the refusal does not say '${it}': ${failure}"
}
assert log.contains('MojoFailureException')
assert !log.contains('Base image gcr.io'): 'the goal went on to resolve the base instead of refusing first'
support.assertNoImageOutputs()
support.assertNothingPushed('it/refuses-end-of-life-base')
