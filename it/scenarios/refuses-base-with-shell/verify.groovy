// Issue 5, acceptance 4: a base with a shell is refused, naming the shell and <allowShell>, as a
// user's mistake, before anything is pushed or written.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert failure: 'the build did not fail in the distroless goal'
assert failure =~ /contains a shell \([^)]*\/bin\/sh[,)]/: "the failure does not name /bin/sh: ${failure}"
assert failure.contains('it/fixtures/java17-with-shell'): 'the failure does not name the base'
assert failure.contains('<allowShell>true</allowShell>'): 'the failure does not say how to override it'
assert log.contains('MojoFailureException'): 'a base with a shell is a configuration mistake: MojoFailureException'
support.assertNoImageOutputs()
assert !new File(basedir, 'target/distroless/sbom.cdx.json').exists()
support.assertNothingPushed('it/refuses-base-with-shell')
