// Release 21 selects the java21 nonroot base, and the image runs the classes on Java 21.
def support = evaluate(new File(supportScript))

String repository = 'it/default-base-java21'
String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest

String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.Labels['org.opencontainers.image.base.name'] == 'gcr.io/distroless/java21-debian13:nonroot'
assert config.Labels['org.opencontainers.image.base.digest'] == support.registryDigest('distroless/java21-debian13', 'nonroot')
assert config.User == '65532:65532'
assert config.Entrypoint[0] == '/usr/bin/java'

String output = support.podmanRun(image)
assert output.contains('java 21 runs release 21 classes')
assert output =~ /(?m)^java\.version: 21(\.|$)/
