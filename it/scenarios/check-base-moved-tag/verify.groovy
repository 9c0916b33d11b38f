// distroless:check-base reports each module's base against its tag, then the test moves the
// tag the way a base's publisher does (a new image under the same tag) and checks that the
// check reports it stale, fails with failOnStaleBase, and with updatePin rewrites exactly the
// pinned digest in the POM and nothing else.
def support = evaluate(new File(supportScript))

String repository = 'it/check-base-moved-tag'
String base = "${registry}/${repository}".toString()
String pinned = new File(basedir, 'pinned.txt').text.trim()
String amd64 = support.manifest(repository, pinned, 'amd64').digest
String arm64 = support.manifest(repository, pinned, 'arm64').digest

String current = new File(basedir, '1-current.log').text
assert current.contains("Base ${base}:stable@${pinned}: current: its tag still points to ${pinned}")
// Two platforms, each its image in the index (the test bed's bases record no creation time,
// as distroless's do not).
assert current.contains("Base ${base}:multi@${pinned}: current")
assert current.contains("  linux/amd64: pinned ${amd64} (no creation time")
assert current.contains("  linux/arm64/v8: pinned ${arm64} (no creation time")
// The default base by tag alone, through the mirror: where the tag points, and the pin to write.
String java17 = support.indexOrImageDigest('distroless/java17-debian13', 'nonroot')
assert current.contains("Base gcr.io/distroless/java17-debian13:nonroot: not pinned; its tag points to ${java17}")
assert current.contains("Pin it: <from><image>gcr.io/distroless/java17-debian13:nonroot@${java17}</image>")
// A module linking its runtime with jlink builds on java-base by default: that is the base checked.
String javaBase = support.indexOrImageDigest('distroless/java-base-debian13', 'nonroot')
assert current.contains("Base gcr.io/distroless/java-base-debian13:nonroot: not pinned; its tag points to ${javaBase}")
assert current.contains('Base tar://bases/base.tar: cannot check: a base from a file has no registry tag')
assert current.contains('BUILD SUCCESS')

// The publisher moves the tag: a new image, made now, under the same tag.
File context = new File(basedir, 'next-base')
context.mkdirs()
new File(context, 'Containerfile').text = 'FROM scratch\nCOPY stamp /stamp\n'
new File(context, 'stamp').text = 'the next base\n'
support.run(['podman', 'build', '--quiet', '--platform', 'linux/amd64', '-t', 'localhost/check-base-next:1', context.path], [:], 300)
try {
  support.run(['podman', 'push', '--quiet', '--tls-verify=false', 'localhost/check-base-next:1',
      "docker://${base}:stable".toString()], [:], 300)
} finally {
  support.exec(['podman', 'rmi', '--force', 'localhost/check-base-next:1'])
}
String moved = support.indexOrImageDigest(repository, 'stable')
assert moved != pinned
String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()

String pom = new File(basedir, 'pom.xml').path
List<String> mvn = ["${maven39}/bin/mvn".toString(), '-B', '-f', pom,
    "-Ddistroless.registryMirrors=gcr.io=${registry}".toString()]

Map stale = support.exec(mvn + ['distroless:check-base'], [:], 300)
assert stale.exit == 0: stale.out
assert stale.out.contains("Base ${base}:stable@${pinned}: STALE: pinned to ${pinned}, but its tag now points to ${moved}")
assert stale.out.contains("Update the pin: <from><image>${base}:stable@${moved}</image>, or run the check with -Ddistroless.updatePin=true")
assert stale.out =~ /  linux\/amd64: pinned ${amd64} \(no creation time[^)]*\); the tag's now ${moved} \(created ${today}T/
assert stale.out.contains("Base ${base}:multi@${pinned}: current")

// The scheduled job's gate.
Map gate = support.exec(mvn + ['-Ddistroless.failOnStaleBase=true', 'distroless:check-base'], [:], 300)
assert gate.exit != 0: gate.out
assert gate.out.contains("distroless.failOnStaleBase: the base ${base}:stable@${pinned} is no longer what its tag points to (${moved})")
assert gate.out.contains('BUILD FAILURE')

// A base given on the command line is in no POM: reported, nothing rewritten.
File pinnedPom = new File(basedir, 'pinned-app/pom.xml')
byte[] before = new File(basedir, 'pinned-app/pom.xml.before').bytes
Map byProperty = support.exec(mvn + ['-pl', 'pinned-app', '-Ddistroless.updatePin=true',
    "-Ddistroless.from.image=${base}:stable@${pinned}".toString(), 'distroless:check-base'], [:], 300)
assert byProperty.exit == 0: byProperty.out
assert byProperty.out.contains('The base is given on the command line (distroless.from.image), which no POM holds: nothing rewritten.')
assert pinnedPom.bytes == before

// updatePin rewrites the digest where the POM writes it, and nothing else: the diff is one line,
// the digest in it.
Map update = support.exec(mvn + ['-Ddistroless.updatePin=true', 'distroless:check-base'], [:], 300)
assert update.exit == 0: update.out
assert update.out.contains("Updated the pin in ${pinnedPom.path}: ${pinned} -> ${moved}")
Map diff = support.exec(['diff', new File(basedir, 'pinned-app/pom.xml.before').path, pinnedPom.path])
println diff.out
List<String> changed = diff.out.readLines().findAll { it.startsWith('<') || it.startsWith('>') }
assert changed.size() == 2: diff.out
assert changed[0].startsWith('<') && changed[0].contains("${base}:stable@${pinned}")
assert changed[1] == changed[0].replace(pinned, moved).replaceFirst('<', '>')
assert new String(pinnedPom.bytes, 'ISO-8859-1') == new String(before, 'ISO-8859-1').replace("stable@${pinned}", "stable@${moved}")
// The other module pins the same digest under its own tag, which did not move: untouched.
assert new File(basedir, 'multi-app/pom.xml').text.contains("multi@${pinned}")

Map again = support.exec(mvn + ['-Ddistroless.failOnStaleBase=true', 'distroless:check-base'], [:], 300)
assert again.exit == 0: again.out
assert again.out.contains("Base ${base}:stable@${moved}: current")
return true
