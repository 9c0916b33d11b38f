// A runtime linked for each platform: the amd64 image has this machine's JDK 17's runtime, the
// arm64 one a runtime linked from the arm64 JDK's modules; the other application layers are the
// same in both. Each runs its own runtime as 65532 (arm64 under emulation), and its SBOM names
// the JDK it came from. A clean rebuild links nothing; a platform without a JDK, a JDK of
// another version and another platform's JDK to run jlink are refused before anything is linked.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

String repository = 'it/jlink-per-platform'
String image = support.ref(repository)
String indexDigest = new File(basedir, 'digest-1.txt').text.trim()
File armJdk = new File(jdks, 'java-17-openjdk-arm64')
String armVersion = (new File(armJdk, 'release').text =~ /JAVA_VERSION="([^"]+)"/)[0][1]
String hostVersion = System.getProperty('java.version')
assert armVersion != hostVersion: "the test bed's two JDKs are both ${hostVersion}: the test cannot tell them apart"

Map index = support.rawManifest("${image}:1")
assert index.manifests*.platform == [[architecture: 'amd64', os: 'linux'], [architecture: 'arm64', os: 'linux', variant: 'v8']]

String build = new File(basedir, '1-build.log').text
assert build =~ /Java runtime of 3 modules \(jdeps, [^)]+\)\): java\.base,java\.logging,jdk\.crypto\.ec/
assert build.contains("Linking a Java runtime with jlink of ")
assert build.contains("modules of ${armJdk.canonicalPath}, for linux/arm64)")
// Each platform's image is built by jib-core: it is not the other's with the base swapped.
assert !build.contains('from the linux/amd64 image')

// Each image on its platform's java-base image; the runtime layer its own, the rest shared.
Map<String, List<String>> appLayers = ['amd64', 'arm64'].collectEntries { String arch ->
  List<String> base = support.manifest('distroless/java-base-debian13', 'nonroot', arch).layers*.digest
  List<String> layers = support.manifest(repository, '1', arch).layers*.digest
  assert layers.take(base.size()) == base: "the ${arch} image is not on java-base's ${arch} image"
  [(arch): layers.drop(base.size())]
}
assert appLayers.amd64[0] != appLayers.arm64[0]
assert appLayers.amd64.drop(1) == appLayers.arm64.drop(1) && !appLayers.amd64.drop(1).isEmpty()
List<Map> armRuntime = support.layerEntries(repository, appLayers.arm64[0])
assert armRuntime.every { [it.uid, it.gid] == [0, 0] }
assert armRuntime.find { it.name == '/usr/lib/jvm/jre/bin/java' }?.mode == '-rwxr-xr-x'
// No class data sharing archive: jlink writes one only for this machine's platform.
assert !armRuntime.any { it.name.endsWith('.jsa') }
long armJvm = new File(armJdk, 'lib/server/libjvm.so').length()
long linkedJvm = armRuntime.find { it.name == '/usr/lib/jvm/jre/lib/server/libjvm.so' }.size as long
assert linkedJvm < armJvm * 0.9: "libjvm.so: ${linkedJvm} bytes linked, ${armJvm} in the arm64 JDK"

// Each platform's SBOM names the runtime linked for it, from its own JDK.
['amd64': hostVersion, 'arm64': armVersion].each { String arch, String version ->
  String digest = support.platformDigest(repository, '1', arch)
  Map sbom = support.sbomFromRegistry(repository, digest).json
  Map linked = sbom.components.find { it['bom-ref'] == 'java-runtime:/usr/lib/jvm/jre' } as Map
  assert linked?.version == version: "${arch}: ${linked}"
}

String amd64 = support.podmanRun("${image}:1", [], 'linux/amd64')
assert amd64.readLines().containsAll(['os.arch=amd64', 'java.home=/usr/lib/jvm/jre',
    "java.version=${hostVersion}".toString(), 'uid=65532']): amd64
String emulation = support.arm64Emulation()
if (emulation) {
  println "SKIPPED running the arm64 image: ${emulation}"
} else {
  String arm64 = support.podmanRun("${image}:1", [], 'linux/arm64')
  assert arm64.readLines().containsAll(['os.arch=aarch64', 'java.home=/usr/lib/jvm/jre',
      "java.version=${armVersion}".toString(), 'uid=65532']): arm64
}

// Rebuilt from clean: both runtimes found linked, the same index.
String again = new File(basedir, '2-again.log').text
assert (again =~ /\[DEBUG\] Java runtime reused from \S+ \(3 modules, [^)]+\): jlink not run/).size() == 2: again.readLines().findAll { it.contains('Java runtime') }
assert !again.contains('Linking a Java runtime')
assert new File(basedir, 'digest-again.txt').text.trim() == indexDigest

// The archive: the same index as pushed, with each platform's image and its own runtime.
assert new File(basedir, 'digest-tar.txt').text.trim() == indexDigest
List<String> archived = support.run(['tar', '-tf', new File(basedir, 'target/jlink-per-platform.tar').path]).readLines()
(index.manifests*.digest + [appLayers.amd64[0], appLayers.arm64[0]]).each { String digest ->
  assert archived.contains("blobs/sha256/${digest.substring(7)}".toString()): "${digest} is not in the archive"
}

// A platform without a JDK, jlink of another version than the arm64 JDK's, and the arm64 JDK to
// run jlink here: refused, naming the setting where it was given (the property in runs 4 and 6,
// the POM in run 5).
String noJdk = new File(basedir, '4-no-jdk.log').text
assert noJdk.contains('distroless.jlink.jdks: names no JDK for linux/arm64/v8, which the image is built for (<from><platforms>)')
assert noJdk.contains('Add <jdk><platform>linux/arm64/v8</platform>')
String versions = new File(basedir, '5-versions.log').text
assert versions.contains("<jlink><jdks>: names ${armJdk.canonicalPath} (Java 17.0) for linux/arm64/v8, and jlink of ")
assert versions.contains('(Java 25.0) links modules of its own version only')
String armLinker = new File(basedir, '6-arm-linker.log').text
assert armLinker.contains("distroless.jlink.jdk: ${armJdk.canonicalPath} is a JDK for linux/arm64")
assert armLinker.contains('jlink runs here, on linux/amd64')
['4-no-jdk.log', '5-versions.log', '6-arm-linker.log'].each {
  assert !new File(basedir, it).text.contains('Linking a Java runtime'): it
}
return true
