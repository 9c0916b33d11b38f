// The shell entrypoint is refused once the base is known to have no shell, before anything is
// pushed or written: the message says so, and shows the command in exec form.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert failure: 'the build did not fail in the distroless goal'
[
    '<container><entrypoint>: starts with /bin/sh, a shell, but the base gcr.io/distroless/java17-debian13:nonroot has no shell',
    'Give the command itself in exec form, one element each: ["exec", "java", "-cp", "/app/classes", "com.example.shell.App"]',
].each { assert failure.contains(it): "the failure does not say '${it}'" }
assert log.contains('MojoFailureException'): 'a configuration mistake must be a MojoFailureException'
support.assertNoImageOutputs()
support.assertNothingPushed('refuses-entrypoint-without-shell')
