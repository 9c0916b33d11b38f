// Run 1: the base from bases/base.tar (tar://${project.basedir}/...), the image created at the
// ISO time given with its offset, the app's files modified at EPOCH_PLUS_SECOND; it runs.
// Run 2: registry:// names a registry image. Run 3: docker:// is refused with what to do.
def support = evaluate(new File(supportScript))

String repository = 'it/jib-base-and-time-forms'
String digest = support.registryDigest(repository, '1')
String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.Labels['org.opencontainers.image.base.name'] == "tar://${new File(basedir, 'bases/base.tar').canonicalPath}".toString()
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
assert docker.contains("'docker://example/base:1' is an image of a Docker or Podman engine, which the build does not read. Save it to a file and name that: docker save example/base:1 -o base.tar (or podman save), then <from><image>tar:///absolute/path/to/base.tar</image>.")
return true
