// A reactor build: the pom parent and the library are skipped; the service's image holds its
// dependencies in one layer per rate of change (release, snapshot, reactor module), then
// resources and classes, all owned by root and read-only; and it serves HTTP.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
assert log.contains("Skipping distroless: packaging 'pom'")
assert log.contains("Skipping distroless: <skip> is true in the plugin's configuration.")
assert !new File(basedir, 'target/distroless').exists()
assert !new File(basedir, 'lib/target/distroless').exists()

String repository = 'it/multimodule-http-service'
File digestFile = new File(basedir, 'app/target/distroless/image.digest')
String digest = digestFile.text.trim()
assert support.registryDigest(repository, '1') == digest

List<List<Map>> layers = support.appLayers(repository, digest, 'distroless/java17-debian13', 'nonroot')
layers.each { support.assertRootOwnedReadOnly(it) }
List<List<String>> files = layers.collect { layer -> layer.findAll { !it.mode.startsWith('d') }*.name }
assert files == [
    ['/app/libs/gson-2.10.1.jar'],
    ['/app/libs/snapshot-lib-1.0-SNAPSHOT.jar'],
    ['/app/libs/lib-1.0.0.jar'],
    ['/app/resources/service.properties'],
    ['/app/classes/com/example/app/Server.class'],
]

String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.ExposedPorts.keySet() == ['8080/tcp'] as Set
assert config.Entrypoint[-1] == 'com.example.app.Server'
assert config.Entrypoint[config.Entrypoint.indexOf('-cp') + 1] ==
    '/app/resources:/app/classes:/app/libs/gson-2.10.1.jar:/app/libs/snapshot-lib-1.0-SNAPSHOT.jar:/app/libs/lib-1.0.0.jar'

support.withServer(image, 8080) { String url ->
  Map response = support.httpGet(url + '/')
  assert response.status == 200
  assert response.body == '{"service":"multimodule-http-service","greeting":"hello client from the reactor module","snapshot":"snapshot-lib 1.0-SNAPSHOT"}'
}
