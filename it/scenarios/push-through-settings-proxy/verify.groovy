// The push went through the proxy (the registry's name is known to nobody else), with the
// proxy's credentials once it asked for them; the image is whole in the registry, read directly.
def support = evaluate(new File(supportScript))

String rule = '^http://registry\\.behind-proxy\\.test:5000/v2/'
Map counts
try {
  counts = support.faultCounts(rule)
} finally {
  support.clearFaults(rule)
}
assert counts.hits >= 1: 'the proxy never asked for its credentials'
assert counts.passed >= 3: "only ${counts.passed} requests passed the proxy with credentials"

String log = support.buildLog()
assert log.contains('BUILD SUCCESS')
assert !log.contains('proxy-secret-2718'): 'the proxy password reached the log'
String repository = 'it/push-through-settings-proxy'
String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest
support.pullWhole(repository, digest, new File(basedir, 'target/pulled'))
