// Two builds of the same sources, seconds apart, from clean, the second with other file mtimes
// and modes, give the same image digest: nothing of the clock, the files' times or the umask
// gets into the image. The first reads the base as if for the first time (prebuild.groovy), the
// second finds it remembered: nor does what the caches held.
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def support = evaluate(new File(supportScript))

// The second build really had other inputs (else this scenario proves nothing).
File mainClass = new File(basedir, 'target/classes/com/example/repro/Main.class')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(mainClass.toPath())) == 'rw-------'
assert new Date(mainClass.lastModified()).toInstant().toString().startsWith('2030-06-15')
// And ran on a later clock: a build that embedded the time (to the second) would differ.
File firstDigest = new File(basedir, 'digest-1.txt')
File secondDigest = new File(basedir, 'digest-2.txt')
assert secondDigest.lastModified() - firstDigest.lastModified() >= 1000

String first = firstDigest.text.trim()
String second = secondDigest.text.trim()
assert first ==~ /sha256:[0-9a-f]{64}/
assert second == first
assert new File(basedir, 'image-id-2.txt').text.trim() == new File(basedir, 'image-id-1.txt').text.trim()

String repository = 'it/reproducible-digest'
assert support.registryDigest(repository, 'run-1') == first
assert support.registryDigest(repository, 'run-2') == first

// Without a configured time, both the config's and the files' times are the epoch.
Map config = support.imageConfig("${support.ref(repository)}@${first}")
assert config.Labels['org.opencontainers.image.created'] == '1970-01-01T00:00:00Z'
List<List<Map>> layers = support.appLayers(repository, first, 'distroless/java17-debian13', 'nonroot')
assert layers.size() == 4 // dependencies, resources, classes, extra files
layers.each { layer ->
  support.assertRootOwnedReadOnly(layer)
  layer.each { assert it.time == '1970-01-01 00:00:00': "${it.name} has time ${it.time}" }
}
assert layers[-1].any { it.name == '/app/data/notes.txt' }
