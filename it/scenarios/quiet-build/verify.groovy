// -q: the build succeeds and pushes, and no line of the log comes from an info or warning.
def support = evaluate(new File(supportScript))

String digest = support.writtenDigest()
assert support.manifest('it/quiet-build', '1').digest == digest: 'the quiet build did not push its image'
List<String> noisy = support.buildLog().readLines().findAll { it.contains('[INFO]') || it.contains('[WARNING]') }
assert !noisy: "-q should silence all but errors, yet the log has:\n${noisy.join('\n')}"
