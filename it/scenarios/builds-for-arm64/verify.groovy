// The image is an arm64 image on the base's arm64 image, and it runs as 65532 under emulation;
// a platform the base lacks was refused naming the platforms it has.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

String repository = 'it/builds-for-arm64'
String image = "${support.ref(repository)}:1"
Map config = new JsonSlurper().parseText(support.run(['skopeo', 'inspect', '--tls-verify=false', '--config', "docker://${image}"])) as Map
assert [config.os, config.architecture, config.variant] == ['linux', 'arm64', 'v8']

// Built on the base's arm64 image, not its amd64 one.
List<String> layers = support.manifest(repository, '1').layers*.digest
List<String> armBase = support.manifest('distroless/java17-debian13', 'nonroot', 'arm64').layers*.digest
List<String> amdBase = support.manifest('distroless/java17-debian13', 'nonroot', 'amd64').layers*.digest
assert layers.take(armBase.size()) == armBase
assert !layers.containsAll(amdBase)

String log = support.buildLog()
// Given on the command line, the platforms are named there, not in the POM.
assert log.contains('distroless.platforms: the base ')
assert log.contains('has images for linux/amd64, linux/arm64/v8, none for linux/s390x')

String emulation = support.arm64Emulation()
if (emulation) {
  println "SKIPPED running the arm64 image: ${emulation}"
} else {
  assert support.podmanRun(image, [], 'linux/arm64').trim() == 'running on aarch64 as 65532'
}
return true
