// Jib's packaged mode puts the project's jar in the image, where the app can read its manifest;
// extraClasspath puts /opt/conf first on the classpath. The jar, rebuilt seconds later without
// outputTimestamp, gives the same digest. The property switches back to exploded mode.
def support = evaluate(new File(supportScript))

String repository = 'it/jib-packaged-mode-and-extra-classpath'
File firstDigest = new File(basedir, 'digest-1.txt')
String digest = firstDigest.text.trim()
assert digest ==~ /sha256:[0-9a-f]{64}/

String packagedLog = new File(basedir, '1-packaged.log').text
assert !packagedLog.contains('containerizingMode') && !packagedLog.contains('extraClasspath'):
    'packaged mode and extraClasspath are read, so no warning names them'

List<List<Map>> layers = support.appLayers(repository, digest, 'distroless/java17-debian13', 'nonroot')
layers.each { support.assertRootOwnedReadOnly(it) }
assert layers.collect { layer -> layer.findAll { !it.mode.startsWith('d') }*.name } == [
    ['/app/classpath/jib-packaged-mode-and-extra-classpath-1.4.2.jar'],
    ['/opt/conf/greeting.properties'],
]
String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.Entrypoint == ['/usr/bin/java', '-cp',
    '/opt/conf:/app/classpath/jib-packaged-mode-and-extra-classpath-1.4.2.jar',
    'com.example.packaged.App']
assert support.podmanRun(image).trim() == 'version=1.4.2' +
    ' from=/app/classpath/jib-packaged-mode-and-extra-classpath-1.4.2.jar' +
    ' greeting=found on the extra classpath'

// The second jar was really built again later (its entries carry its build's time).
File jar = new File(basedir, 'target/jib-packaged-mode-and-extra-classpath-1.4.2.jar')
new java.util.zip.ZipFile(jar).withCloseable { zip ->
  assert zip.getEntry('META-INF/MANIFEST.MF').time > firstDigest.lastModified()
}
assert new File(basedir, 'digest-2.txt').text.trim() == digest
assert support.registryDigest(repository, 'run-2') == digest

String exploded = new File(basedir, 'digest-3.txt').text.trim()
assert exploded != digest
assert support.imageConfig("${support.ref(repository)}@${exploded}").Entrypoint[2] ==
    '/opt/conf:/app/classes'
assert support.podmanRun("${support.ref(repository)}@${exploded}").trim() ==
    'version=null from=/app/classes/ greeting=found on the extra classpath'
return true
