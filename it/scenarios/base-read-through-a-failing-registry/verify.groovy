// The 503 reached jib-core, the build ran it again, and the image is whole and runs.
def support = evaluate(new File(supportScript))

String rule = '/v2/distroless/java17-debian13/manifests/sha256:'
assert support.takeFaultHits(rule) == 1: 'jib-core never read the base through the proxy'
String log = support.buildLog()
assert log.contains('jib-core\'s read of the base got HTTP 503 from its registry; trying again in')
assert log.contains('(attempt 2)')

String repository = 'it/base-read-through-a-failing-registry'
String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest
assert support.podmanRun("${support.ref(repository)}@${digest}").trim() == 'built on a base read through a failing registry'
