// The build fails saying which tags point to the new image and which do not, and how to
// finish; the image is whole in the registry under its digest and the tag that was moved.
def support = evaluate(new File(supportScript))

String repository = 'it/tag-refused-after-image-whole'
String path = "/v2/${repository}/manifests/immutable\$"
assert support.takeFaultHits(path) == 1: 'a refusal is not asked again'

String log = support.buildLog()
def found = log =~ /The image is whole in (\S+) as (sha256:[0-9a-f]{64}); now pointing to it: 1; not moved: immutable\. Run the same build again to move them/
assert found.find(): log
assert found.group(1) == "${registryProxy}/${repository}".toString()
String digest = found.group(2)
assert log.contains("Pushing the manifest of ${registryProxy}/${repository}:immutable failed: ${registryProxy}/${repository} answered HTTP 403 to PUT manifests/immutable")

assert support.registryDigest(repository, '1') == digest
assert support.tags(repository) == ['1']
support.pullWhole(repository, digest, new File(basedir, 'target/pulled'))
