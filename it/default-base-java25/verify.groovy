// Release 25 selects the java25 nonroot base, and the image runs the classes on Java 25.
def support = evaluate(new File(supportScript))

String repository = 'it/default-base-java25'
String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest

String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.Labels['org.opencontainers.image.base.name'] == 'gcr.io/distroless/java25-debian13:nonroot'
assert config.Labels['org.opencontainers.image.base.digest'] == support.registryDigest('distroless/java25-debian13', 'nonroot')
assert config.User == '65532:65532'
assert config.Entrypoint[0] == '/usr/bin/java'

String output = support.podmanRun(image)
assert output.contains('java 25 runs release 25 classes')
assert output =~ /(?m)^java\.version: 25(\.|$)/
