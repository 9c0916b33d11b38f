// The archive reads as a docker-archive and as an OCI layout, with the image's digest under
// both tags, and podman load brings in both tags.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

File tar = new File(basedir, 'target/distroless/image.tar')
String digest = support.writtenDigest()
assert support.writtenImageJson().tags == ['1', 'extra']
String repository = "${registry}/it/tar-archive-for-every-tool"

// docker-archive, as docker load and skopeo read it.
Map config = new JsonSlurper().parseText(
    support.run(['skopeo', 'inspect', '--config', "docker-archive:${tar.path}"])).config
assert config.User == '65532:65532'

// OCI layout: every tag resolves to the digest of the build, with OCI media types.
for (String tag : ['1', 'extra']) {
  Map inspect = new JsonSlurper().parseText(support.run(['skopeo', 'inspect', "oci-archive:${tar.path}:${tag}"]))
  assert inspect.Digest == digest: "tag ${tag} is ${inspect.Digest}, the build wrote ${digest}"
}
Map index = new JsonSlurper().parseText(support.run(['tar', '-xOf', tar.path, 'index.json']))
List images = index.manifests.findAll { !it.artifactType }
assert images*.annotations*.'io.containerd.image.name' == ["${repository}:1", "${repository}:extra"]*.toString()
assert images*.mediaType.unique() == ['application/vnd.oci.image.manifest.v1+json']
// Beside them, untagged, the SBOM that refers to the image: tools that read images ignore it.
List referrers = index.manifests.findAll { it.artifactType }
assert referrers*.artifactType == ['application/vnd.cyclonedx+json']
assert !referrers[0].annotations
assert support.run(['tar', '-tf', tar.path]).readLines().containsAll(['oci-layout', 'index.json', 'manifest.json'])

// podman load: both tags, one image.
["${repository}:1", "${repository}:extra"].each { support.removeImage(it) }
try {
  String loaded = support.run(['podman', 'load', '-i', tar.path])
  assert loaded.contains("${repository}:1") && loaded.contains("${repository}:extra"): loaded
  assert support.run(['podman', 'run', '--rm', '--pull=never', "${repository}:extra"]).trim() == 'carried in one archive'
} finally {
  ["${repository}:1", "${repository}:extra"].each { support.removeImage(it) }
}
support.assertNothingPushed('it/tar-archive-for-every-tool')
