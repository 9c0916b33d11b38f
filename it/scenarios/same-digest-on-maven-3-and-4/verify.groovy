// The same project built by three Maven generations, each from clean, gives one image digest:
// the test bed's Maven 3.8 (the invoker), Maven 3.9 and Maven 4. Maven 4 sets
// project.build.outputTimestamp itself when no POM does (its jar's entries show it); that value
// is not the project's, so the image is dated as on Maven 3. Then the plugin on JDK 25 prints
// no sun.misc.Unsafe warning.
import java.util.zip.ZipFile

def support = evaluate(new File(supportScript))

String pom = new File(basedir, 'pom.xml').path
Map<String, String> mavens = ['3.9': maven39, '4': maven4]
mavens.each { String generation, String home ->
  String mvn = "${home}/bin/mvn"
  assert new File(mvn).canExecute(): "${mvn}: run it/env/setup.sh"
  support.run([mvn, '-B', '-f', pom, "-Dmaven=${generation}".toString(),
      "-Ddistroless.registryMirrors=gcr.io=${registry}".toString(),
      'clean', 'package', 'distroless:tar'], [:], 600)
  String version = support.run([mvn, '-v'])
  assert version.contains("Apache Maven ${generation == '4' ? '4.0.0' : '3.9.'}")
}

// Maven 4 really gave the project its own outputTimestamp: the jar it built is dated by it.
new ZipFile(new File(basedir, 'target/same-digest-on-maven-3-and-4-1.0.0.jar')).withCloseable { jar ->
  String time = java.time.Instant.ofEpochMilli(jar.getEntry('com/example/generations/App.class').time).toString()
  assert time.startsWith('1980-02-01'): time
}

// The plugin's own libraries call no sun.misc.Unsafe memory access on JDK 24+ (the JDK says so
// at every call with =debug); Maven 3.9 itself calls none, so any would be the plugin's. Only the
// image goal runs, on Maven 4's classes: the same digest again.
Map result = support.exec(["${maven39}/bin/mvn".toString(), '-B', '-f', pom, '-Dmaven=jdk25',
    "-Ddistroless.registryMirrors=gcr.io=${registry}".toString(), 'distroless:tar'],
    [JAVA_HOME: javaHome25, MAVEN_OPTS: '--sun-misc-unsafe-memory-access=debug'], 600)
assert result.exit == 0: result.out
String output = result.out + result.err
assert output.contains('Wrote '): output
assert !output.contains('sun.misc.Unsafe'): output.readLines().findAll { it.contains('Unsafe') }.join('\n')

String first = new File(basedir, 'digest-3.8.txt').text.trim()
assert first ==~ /sha256:[0-9a-f]{64}/
assert new File(basedir, 'digest-3.9.txt').text.trim() == first
assert new File(basedir, 'digest-4.txt').text.trim() == first
assert new File(basedir, 'digest-jdk25.txt').text.trim() == first
return true
