// Run 1: the base from bases/base.tar (tar://bases/base.tar, relative to the project; the label
// says it as written, so it does not depend on where the project is), the image created at the
// ISO time given with its offset, the app's files modified at EPOCH_PLUS_SECOND; it runs.
// Run 2: registry:// names a registry image. Run 3: docker:// reads the image from podman
// through its API socket; it runs. Run 4: an image podman does not have is refused, saying so.
def support = evaluate(new File(supportScript))

String repository = 'it/jib-base-and-time-forms'
String digest = support.registryDigest(repository, '1')
String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.Labels['org.opencontainers.image.base.name'] == 'tar://bases/base.tar'
String created = support.run(['skopeo', 'inspect', '--tls-verify=false', '--format', '{{.Created}}', "docker://${image}"]).trim()
assert created.startsWith('2021-05-06 05:08:09'): created
List<Map> classes = support.layerEntries(repository, support.manifest(repository, '1').layers[-1].digest)
assert classes.any { it.name == '/app/classes/com/example/app/App.class' }
classes.each { assert it.time == '1970-01-01 00:00:01': "${it.name} ${it.time}" }
assert support.podmanRun(image).trim() == 'built on a base read from a file'

String fromRegistry = new File(basedir, '2-registry.log').text
assert fromRegistry.contains('[INFO] Base image gcr.io/distroless/java17-debian13:nonroot at sha256:')
assert support.imageConfig("${support.ref(repository)}@${support.registryDigest(repository, '2')}").Labels['org.opencontainers.image.base.name'] == 'gcr.io/distroless/java17-debian13:nonroot'

String docker = new File(basedir, '3-docker.log').text
assert docker =~ /\[INFO\] Reading the base localhost\/it-engine-base:1 \(sha256:[0-9a-f]{64}\) from the engine at unix:\/\/\/run\/podman\/podman.sock/
String fromEngine = "${support.ref(repository)}@${support.registryDigest(repository, '3')}"
assert support.imageConfig(fromEngine).Labels['org.opencontainers.image.base.name'] == 'docker://localhost/it-engine-base:1'
// The same base as from the file: the engine's image is the registry's, layer for layer.
assert support.manifest(repository, '3').layers[0].digest == support.manifest(repository, '1').layers[0].digest
assert support.podmanRun(fromEngine).trim() == 'built on a base read from a file'

String missing = new File(basedir, '4-docker-missing.log').text
assert missing.contains("'docker://localhost/it-engine-missing:1' names an image the engine at unix:///run/podman/podman.sock does not have. Pull or build it first (docker pull localhost/it-engine-missing:1, or podman pull localhost/it-engine-missing:1), or correct the name.")
return true
