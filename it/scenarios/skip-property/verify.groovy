// Skipped goals log their reason (the property, or <skip> in the configuration) and push and
// write nothing.
def support = evaluate(new File(supportScript))

Map<String, String> reasons = [
  '1-property.log': '[INFO] Skipping distroless: distroless.skip is true.',
  '2-pom.log': "[INFO] Skipping distroless: <skip> is true in the plugin's configuration.",
]
reasons.each { String file, String line ->
  List<String> lines = new File(basedir, file).readLines()
  int skips = lines.count { it.contains(line) }
  assert skips == 2: "${file}: expected both goals to log '${line}', found ${skips}"
  assert !lines.any { it.contains('Skipping distroless') && !it.contains(line) }: file
}
support.assertNoImageOutputs()
support.assertNothingPushed('it/skip-property')
return true
