// The archive holds both platforms under one index: podman load takes this machine's image,
// skopeo copy --all carries both with the index digest unchanged, and distroless:push put the
// same index (with each platform's image and SBOM) into the registry, its summary a line per
// platform.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

String repository = 'it/multi-platform-archive'
String image = support.ref(repository)
File tar = new File(basedir, 'target/distroless/image.tar')
String digest = support.writtenDigest()

// distroless:push: the index under the tag, the digest the tar goal wrote.
assert support.registryDigest(repository, '1') == digest
Map index = support.rawManifest("${image}:1")
assert index.mediaType == 'application/vnd.oci.image.index.v1+json'
assert index.manifests*.platform*.architecture == ['amd64', 'arm64']
String log = new File(basedir, 'build.log').text
assert (log =~ /Pushed ${java.util.regex.Pattern.quote("${image}:1@${digest}")} \([^)]+\), an index of 2 platforms:/).find()
index.manifests.each { Map entry ->
  // The summary's line for each platform's image.
  String platform = "linux/${entry.platform.architecture}${entry.platform.variant ? '/' + entry.platform.variant : ''}"
  assert log.contains("  ${platform} ${entry.digest} ("): "no summary line for ${platform}"
  assert support.manifest(repository, entry.digest as String).digest == entry.digest
  // Each platform's SBOM went along, as a referrer of that platform's image.
  String referrersTag = (entry.digest as String).replace(':', '-')
  assert support.tags(repository).contains(referrersTag): "no SBOM for ${entry.platform}"
}

// skopeo copy --all: every platform, the index unchanged.
support.run(['skopeo', 'copy', '--quiet', '--all', '--preserve-digests', '--dest-tls-verify=false',
    "oci-archive:${tar.path}:1", "docker://${image}-skopeo:1"])
assert support.registryDigest("${repository}-skopeo", '1') == digest

// podman load: this machine's platform, which runs.
String loaded = "${image}:1"
support.removeImage(loaded)
support.run(['podman', 'load', '--quiet', '-i', tar.path])
Map inspected = (new JsonSlurper().parseText(support.run(['podman', 'image', 'inspect', loaded])) as List)[0] as Map
String host = System.getProperty('os.arch') == 'aarch64' ? 'arm64' : 'amd64'
assert inspected.Architecture == host
assert support.podmanRun(loaded).trim() == "running on ${System.getProperty('os.arch')} as 65532"
return true
