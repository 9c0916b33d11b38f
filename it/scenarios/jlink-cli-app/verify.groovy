// The linked runtime: its own layer at /usr/lib/jvm/jre on java-base (no JRE of its own), the
// entrypoint its bin/java, JAVA_HOME set; the image runs as 65532 with the modules jdeps found,
// and much smaller than on the full Java base.
def support = evaluate(new File(supportScript))

String repository = 'it/jlink-cli-app'
String digest = new File(basedir, 'digest-1.txt').text.trim()
String image = "${support.ref(repository)}@${digest}"

Map config = support.imageConfig(image)
assert config.Entrypoint[0] == '/usr/lib/jvm/jre/bin/java'
assert config.Entrypoint[-1] == 'com.example.linked.App'
assert config.Env.contains('JAVA_HOME=/usr/lib/jvm/jre')
assert config.User == '65532:65532'
Map labels = config.Labels
assert labels['org.opencontainers.image.base.name'] == 'gcr.io/distroless/java-base-debian13:nonroot'

String build = new File(basedir, '1-build.log').text
assert build =~ /Java runtime of \d+ modules \(jdeps, jdk\.crypto\.ec \(loaded by name\)\): java\.base,java\.logging,jdk\.crypto\.ec/
assert build.contains('Linking a Java runtime with jlink of ')

// The runtime's layer: the first above the base's, root-owned, its launcher executable and
// nothing writable by the user.
List<Map> entries = support.appLayers(repository, digest, 'distroless/java-base-debian13', 'nonroot')[0]
Map java = entries.find { it.name == '/usr/lib/jvm/jre/bin/java' }
assert java && java.mode == '-rwxr-xr-x' && [java.uid, java.gid] == [0, 0]: java
assert entries.every { [it.uid, it.gid] == [0, 0] }
List<Map> writable = entries.findAll { !it.mode.startsWith('l') && (it.mode[5] == 'w' || it.mode[8] == 'w') }
assert !writable: writable
assert entries.any { it.name == '/usr/lib/jvm/jre/lib/modules' }
// Without what no application reads: jrt-fs.jar, the class list, the native symbol tables
// (libjvm.so is the JDK's own, which has them, less them).
assert !entries.any { it.name in ['/usr/lib/jvm/jre/lib/jrt-fs.jar', '/usr/lib/jvm/jre/lib/classlist'] }
long jdkJvm = new File(System.getProperty('java.home'), 'lib/server/libjvm.so').length()
long imageJvm = entries.find { it.name == '/usr/lib/jvm/jre/lib/server/libjvm.so' }.size as long
assert imageJvm < jdkJvm * 0.9: "libjvm.so: ${imageJvm} bytes in the image, ${jdkJvm} in the JDK"

String output = support.podmanRun(image, ['sql'])
assert output.readLines().containsAll(['java.home=/usr/lib/jvm/jre', 'java.version=17', 'uid=65532',
    'java.logging=true', 'java.sql=missing']): output
int linkedModules = (output =~ /modules=(\d+)/)[0][1] as int
assert linkedModules < 10: output

// Rebuilt from clean: jlink did not run again, and the image is the same.
String again = new File(basedir, '2-again.log').text
assert again =~ /\[DEBUG\] Java runtime reused from \S+ \(3 modules, \S+\): jlink not run/
assert !again.contains('Linking a Java runtime')
assert new File(basedir, 'digest-again.txt').text.trim() == digest

// The fix docs/jlink.md gives for a module loaded by name.
String sql = support.podmanRun("${support.ref(repository)}@${new File(basedir, 'digest-sql.txt').text.trim()}", ['sql'])
assert sql.contains('java.sql=present'): sql
assert new File(basedir, '3-sql.log').text.contains('<jlink><addModules>')

// JDK 25 links from its own runtime (no jmods), with a class data sharing archive.
String java25 = "${support.ref(repository)}@${new File(basedir, 'digest-java25.txt').text.trim()}"
assert new File(basedir, '4-java25.log').text.contains('(Java 25, class data sharing)')
List<Map> runtime25 = support.appLayers(repository, new File(basedir, 'digest-java25.txt').text.trim(),
    'distroless/java-base-debian13', 'nonroot')[0]
assert runtime25.any { it.name == '/usr/lib/jvm/jre/lib/server/classes.jsa' }
assert !runtime25.any { it.name == '/usr/lib/jvm/jre/lib/server/classes_nocoops.jsa' }
// -Xshare:on: the JVM does not start unless it maps that archive, with its symbols stripped.
String output25 = support.podmanRun(java25, [], null, ['JAVA_TOOL_OPTIONS': '-Xshare:on'])
assert output25.contains('java.version=25') && output25.contains('uid=65532'): output25

// A JDK older than the release: refused, naming the setting and both versions.
String old = new File(basedir, '5-old.log').text
assert old.contains("distroless.jlink.jdk: Java 17 (") && old.contains(') is older than release 25, which the project is compiled for')
assert !old.contains('Linking a Java runtime')

// The SBOM of that last build names the linked runtime (the JDK's vendor and version, and its
// modules) and the base's own.
Map sbom = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/distroless/sbom.cdx.json')) as Map
Map linked = sbom.components.find { it['bom-ref'] == 'java-runtime:/usr/lib/jvm/jre' } as Map
assert linked && linked.version.startsWith('17.') && linked.publisher && linked.description.contains('jlink'): linked
assert linked.properties.find { it.name == 'distroless:java.modules' }.value == 'java.base java.logging jdk.crypto.ec'
assert sbom.components.any { it['bom-ref'] == 'java-runtime:/usr/lib/jvm/java-17-openjdk-amd64' }

String two = new File(basedir, '6-two-runtimes.log').text
assert two.contains('[WARNING] The base gcr.io/distroless/java17-debian13:nonroot has a Java runtime of its own (/usr/lib/jvm/java-17-openjdk-amd64) besides the one linked with jlink')
return true
