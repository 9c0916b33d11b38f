// Skipped goals log their reason and push and write nothing.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
int skips = log.readLines().count { it.contains('[INFO] Skipping distroless: distroless.skip is true.') }
assert skips == 2: "expected both goals to log their skip, found ${skips}"
support.assertNoImageOutputs()
support.assertNothingPushed('it/skip-property')
