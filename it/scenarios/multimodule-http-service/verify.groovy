// A reactor build: the pom parent and the library are skipped; the service's image holds its
// dependencies in one layer per rate of change (release, snapshot, reactor module), then
// resources and classes, all owned by root and read-only; and it serves HTTP. Built again from
// clean seconds later, the library and the SNAPSHOT (neither sets outputTimestamp) hold new
// entry times, and the image's digest is the same: their jars are layered normalized.
def support = evaluate(new File(supportScript))

String log = support.buildLog()
assert log.contains("Skipping distroless: packaging 'pom'")
assert log.contains("Skipping distroless: <skip> is true in the plugin's configuration.")
assert !new File(basedir, 'target/distroless').exists()
assert !new File(basedir, 'lib/target/distroless').exists()

String repository = 'it/multimodule-http-service'
File firstDigest = new File(basedir, 'app/digest-1.txt')
String digest = firstDigest.text.trim()
assert digest ==~ /sha256:[0-9a-f]{64}/
assert support.registryDigest(repository, '1') == digest

// The second build's jars really differ from the first's: built after the first image was.
['lib/target/lib-1.0.0.jar', 'snapshot-lib/target/snapshot-lib-1.0-SNAPSHOT.jar'].each { path ->
  new java.util.zip.ZipFile(new File(basedir, path)).withCloseable { jar ->
    long entryTime = jar.getEntry('META-INF/MANIFEST.MF').time
    assert entryTime > firstDigest.lastModified(): "${path} was not built again after the first image"
  }
}
assert new File(basedir, 'app/digest-2.txt').text.trim() == digest
assert support.registryDigest(repository, '2') == digest

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
