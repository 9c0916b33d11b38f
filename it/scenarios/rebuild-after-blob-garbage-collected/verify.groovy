// A tag that still names the last push proves nothing about its blobs: after the registry lost
// two of them (garbage collection, a retention policy), a rebuild with nothing changed must not
// say "Up to date". It finds them missing, sends them again, and the image is whole: skopeo
// pulls it. Its digest has not changed.
def support = evaluate(new File(supportScript))

String repository = 'it/rebuild-after-blob-garbage-collected'
String digest = support.writtenDigest()
Map manifest = support.manifest(repository, '1')
assert manifest.digest == digest
String baseLayer = manifest.layers[0].digest
String appLayer = manifest.layers[-1].digest
support.deleteBlobs(repository, [baseLayer, appLayer])
assert support.registryGet("${repository}/blobs/${appLayer}").statusCode() == 404

Map rebuilt = support.exec(['mvn', '-B', '-f', new File(basedir, 'pom.xml').path, 'package',
    'distroless:build', "-Dit.registry=${registry}", "-Ddistroless.registryMirrors=gcr.io=${registry}"],
    [:], 600)
String log = rebuilt.out
assert rebuilt.exit == 0: log
assert log.contains("Rebuilding: ${registry}/${repository}@${digest} lacks 2 blobs, among them ${baseLayer}, which the registry no longer holds")
assert !log.contains('Up to date')
assert log.contains("Building in full: the blob ${baseLayer} of the last push is gone from the registry")

assert support.writtenDigest() == digest: 'the same inputs, the same image'
assert support.registryDigest(repository, '1') == digest
support.pullWhole(repository, digest, new File(basedir, 'target/pulled'))
