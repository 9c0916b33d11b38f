// Each base from a file gave an image that runs and names its base; each bad file was refused
// with its path and the problem, before anything was written.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

File out = new File(basedir, 'target/distroless')
['docker-archive': 'bases/docker.tar', 'oci-archive': 'bases/oci.tar', 'oci-layout': 'bases/layout'].each { String kind, String file ->
  File tar = new File(out, "${kind}.tar")
  assert tar.file: "no archive for the ${kind} base"
  Map config = new JsonSlurper().parseText(support.run(['skopeo', 'inspect', '--config', "docker-archive:${tar.path}"])) as Map
  String baseName = config.config.Labels.'org.opencontainers.image.base.name'
  assert baseName.contains(new File(basedir, file).path): "base.name of ${kind}: ${baseName}"
  if (kind != 'docker-archive') {
    // OCI inputs record the base's manifest digest, which is the registry's amd64 image's (the
    // registry's tag is an index; skopeo copied the machine's platform): skopeo copies blobs.
    assert config.config.Labels.'org.opencontainers.image.base.digest' == support.platformDigest('distroless/java17-debian13', 'nonroot')
  }
  String name = "${registry}/it/base-from-files-offline:${kind}"
  support.removeImage(name)
  support.run(['podman', 'load', '--quiet', '-i', tar.path])
  assert support.podmanRun(name).trim() == 'built on a base from a file'
}

Map refusals = [
    'truncated'    : ['bases/truncated.tar', 'truncated or corrupt'],
    'missing-image': ['bases/layout', "has no image named '9.9'", 'Its ref names are: 1.0'],
    'arm64'        : ['bases/arm64.tar', 'linux/arm64', 'linux/amd64'],
]
for (Map.Entry<String, List<String>> refusal : refusals) {
  String kind = refusal.key
  List<String> fragments = refusal.value
  String log = new File(basedir, "${kind}.log").text
  String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
  assert failure: "the ${kind} base was not refused"
  fragments.each { assert failure.contains(it): "the ${kind} refusal does not say '${it}': ${failure}" }
  assert !new File(out, "${kind}.tar").exists(): "a refused build wrote ${kind}.tar"
}
