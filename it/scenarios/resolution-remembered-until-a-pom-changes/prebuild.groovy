// The fixture release, installed as its first version: a jar with one entry and a POM with no
// dependencies. No image of an earlier run, no record of an earlier resolution.
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def support = evaluate(new File(supportScript))
File lib = new File(localRepositoryPath, 'it/distroless/fixtures/remembered-lib/1.0')
lib.mkdirs()
new File(lib, 'remembered-lib-1.0.pom').bytes = new File(basedir, 'fixture/remembered-lib.pom').bytes
new File(lib, 'remembered-lib-1.0.jar').withOutputStream { out ->
  new ZipOutputStream(out).withCloseable { zip ->
    zip.putNextEntry(new ZipEntry('remembered.txt'))
    zip.write('remembered-lib 1.0'.bytes)
    zip.closeEntry()
  }
}
// Installed long before the build, as a release in a local repository is: a file written while a
// build runs is never trusted by the next one.
long installed = java.time.Instant.parse('2025-01-01T00:00:00Z').toEpochMilli()
new File(lib, 'remembered-lib-1.0.pom').lastModified = installed
new File(lib, 'remembered-lib-1.0.jar').lastModified = installed
support.deleteTags('resolution-remembered-until-a-pom-changes')
