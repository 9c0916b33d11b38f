// The default base for release 17, the secure defaults in the image config, and the outputs;
// a project compiled for Java 11 is told that the java17 base runs it.
def support = evaluate(new File(supportScript))

String note = "[INFO] The project is compiled for Java 11 (maven.compiler.release); the oldest distroless Java base is java17, so the image runs it on gcr.io/distroless/java17-debian13:nonroot. Java 17 runs Java 11 classes, but a framework written before Java 17 may need --add-opens flags in <container><jvmFlags>, e.g. --add-opens=java.base/java.lang=ALL-UNNAMED."
assert new File(basedir, '1-release11.log').readLines().count { it == note } == 1
assert !new File(basedir, '2-release17.log').text.contains('The project is compiled for Java')

String repository = 'it/default-base-java17'
String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest: 'image.digest is not what the registry serves for the tag'

Map json = support.writtenImageJson()
assert json.image == "${registry}/${repository}:1".toString()
assert json.digest == digest
assert json.imageId == new File(basedir, 'target/distroless/image.id').text.trim()
assert json.base.startsWith('gcr.io/distroless/java17-debian13:nonroot@sha256:')
assert json.size > 0

String image = "${support.ref(repository)}@${digest}"
Map config = support.imageConfig(image)
assert config.User == '65532:65532'
assert config.Entrypoint[0] == '/usr/bin/java'
assert config.Entrypoint[-1] == 'com.example.hello.Hello'
assert !config.Cmd
assert config.Labels['org.opencontainers.image.base.name'] == 'gcr.io/distroless/java17-debian13:nonroot'
assert config.Labels['org.opencontainers.image.base.digest'] == support.registryDigest('distroless/java17-debian13', 'nonroot')
assert config.Labels['org.opencontainers.image.title'] == 'default-base-java17'
assert config.Labels['org.opencontainers.image.version'] == '1.0.0'

String output = support.podmanRun(image)
assert output.contains('resource: hello from a resource')
assert output.contains('dependency: {"gson":"works"}')
assert output =~ /(?m)^java\.version: 17\./
assert output =~ /(?m)^Uid: 65532 65532 65532 65532$/
assert output =~ /(?m)^Gid: 65532 65532 65532 65532$/
return true
