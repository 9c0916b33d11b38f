// One build, two platforms: an index (Docker manifest list, or OCI index for the OCI format,
// pushed through a registry that fails requests) under the tag, each platform's image on the
// base's image for that platform with the same application layers, each running (arm64 under
// emulation) as 65532; the same index from a clean project; the property naming one platform
// gives that platform's image alone.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

String repository = 'it/multi-platform-index'
String image = support.ref(repository)

Map docker = support.rawManifest("${image}:1")
assert docker.mediaType == 'application/vnd.docker.distribution.manifest.list.v2+json'
assert docker.manifests*.platform == [[architecture: 'amd64', os: 'linux'], [architecture: 'arm64', os: 'linux', variant: 'v8']]
assert docker.manifests*.mediaType == ['application/vnd.docker.distribution.manifest.v2+json'] * 2

// Run 2 pushed through the proxy's faults (prebuild.groovy), each answered by trying again,
// and the index it left is whole: skopeo, reading the registry itself, copies every platform.
String prefix = '/v2/it/multi-platform-index/'
Map<String, Integer> hits
try {
  hits = ['blobs/uploads/', 'manifests/sha256:', 'manifests/sha256-', 'manifests/oci$']
      .collectEntries { [(it): support.faultHits(prefix + it)] }
} finally {
  ['blobs/uploads/', 'manifests/sha256:', 'manifests/sha256-', 'manifests/oci$']
      .each { support.clearFaults(prefix + it) }
}
assert hits['blobs/uploads/'] >= 1 && hits['manifests/sha256:'] == 2
assert hits['manifests/sha256-'] == 1 && hits['manifests/oci$'] == 1
String faulty = new File(basedir, '2-oci.log').text
String proxied = "${registryProxy}/it/multi-platform-index"
assert faulty.contains("${proxied}: POST blobs/uploads/ got HTTP 429") && faulty.contains('as the registry asked')
assert (faulty =~ /${java.util.regex.Pattern.quote(proxied)}: PUT manifests\/sha256:[0-9a-f]{64} got HTTP 503/).find()
assert (faulty =~ /PUT manifests\/sha256-[0-9a-f]{64} got .*(reset|end of file|Broken pipe)/).find()
assert faulty.contains("${proxied}: PUT manifests/oci got HTTP 500")
assert faulty.contains("Pushed ${proxied}:oci@") && faulty.contains('BUILD SUCCESS')
File copied = new File(basedir, 'target/copied')
copied.deleteDir()
support.run(['skopeo', 'copy', '--all', '--quiet', '--src-tls-verify=false', "docker://${image}:oci",
    "oci:${copied.path}"], [:], 300)

Map oci = support.rawManifest("${image}:oci")
assert oci.mediaType == 'application/vnd.oci.image.index.v1+json'
assert oci.manifests*.mediaType == ['application/vnd.oci.image.manifest.v1+json'] * 2
assert oci.manifests*.platform == docker.manifests*.platform

// Each image on its platform's base image; the application's layers the same in both.
List<List<String>> appLayers = ['amd64', 'arm64'].collect { String arch ->
  Map manifest = support.manifest(repository, '1', arch)
  Map config = new JsonSlurper().parseText(support.run(['skopeo', 'inspect', '--tls-verify=false', '--config', "docker://${image}@${manifest.digest}"])) as Map
  assert [config.os, config.architecture, config.variant] == ['linux', arch, arch == 'arm64' ? 'v8' : null]
  List<String> base = support.manifest('distroless/java17-debian13', 'nonroot', arch).layers*.digest
  List<String> layers = manifest.layers*.digest
  assert layers.take(base.size()) == base: "the ${arch} image is not on the base's ${arch} image"
  layers.drop(base.size())
}
assert appLayers[0] == appLayers[1] && !appLayers[0].isEmpty()

// What the build wrote and said.
String indexDigest = support.registryDigest(repository, '1')
File out = new File(basedir, 'target/distroless')
Map json = new JsonSlurper().parse(new File(out, 'image.json')) as Map
assert json.platforms*.platform == ['linux/amd64', 'linux/arm64/v8']
assert new File(out, 'image.digest').text.trim() == indexDigest
String first = new File(basedir, '1-docker.log').text
assert first.contains("Pushed ${image}:1@${indexDigest}")
assert first.contains('an index of 2 platforms:')
docker.manifests.each { Map entry ->
  assert first.contains("  linux/${entry.platform.architecture}${entry.platform.variant ? '/' + entry.platform.variant : ''} ${entry.digest}")
}

// A clean project (run 4), the same index.
assert support.registryDigest(repository, 'again') == indexDigest
// Run 5, nothing changed: up to date, every platform's image proved whole, nothing built.
String unchanged = new File(basedir, '5-unchanged.log').text
assert unchanged.contains("Up to date ${image}:again@${indexDigest}")
assert !unchanged.contains('Building for linux/')

// The property (run 3): arm64 alone, an image, not an index: the index's arm64 image itself,
// which runs 1 and 2 derived from the amd64 image jib-core built (the bases differ only in
// their platform), where run 3 had jib-core build it.
Map arm = support.rawManifest("${image}:arm")
assert arm.mediaType == 'application/vnd.docker.distribution.manifest.v2+json'
assert support.registryDigest(repository, 'arm') == docker.manifests[1].digest
['1-docker.log', '2-oci.log'].each { String log ->
  assert new File(basedir, log).text.contains('Building for linux/arm64/v8, from the linux/amd64 image'): log
}
assert !new File(basedir, '3-arm.log').text.contains('from the linux/amd64 image')

assert support.podmanRun("${image}:1", [], 'linux/amd64').trim() == 'running on amd64 as 65532'
String emulation = support.arm64Emulation()
if (emulation) {
  println "SKIPPED running the arm64 image: ${emulation}"
} else {
  assert support.podmanRun("${image}:1", [], 'linux/arm64').trim() == 'running on aarch64 as 65532'
}
return true
