// distroless:push, without a project, sent the archive's manifest unchanged: the registry's
// digest for both tags is the one in the archive's index.json, which skopeo also reads; the
// pushed image runs. Pushing again sends nothing; pushing to a second repository mounts; a
// truncated archive and offline mode are refused with nothing pushed.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

File noProject = new File(basedir, 'no-project')
assert !new File(noProject, 'pom.xml').exists()
assert !new File(noProject, 'target').exists(): 'a push without a project must not create target/'
String log(String name) { new File(new File(basedir, 'no-project'), name).text }

// The archive's own digest, read independently of the plugin.
Map index = new JsonSlurper().parseText(support.run(['tar', '-xOf', new File(basedir, 'image.tar').path, 'index.json'])) as Map
String archived = index.manifests[0].digest
assert archived ==~ /sha256:[0-9a-f]{64}/

// 1: both tags, one digest: the archive's.
String repository = 'it/push-archive'
assert support.tags(repository).toSorted() == ['1', 'extra']
['1', 'extra'].each { String tag ->
  assert support.manifest(repository, tag).digest == archived: "the registry's ${tag} is not the archive's manifest"
  assert support.registryDigest(repository, tag) == archived
}
String first = support.buildLog()
List<String> blobLines = first.readLines().findAll { it =~ /\[INFO\] (Config|Layer) sha256:[0-9a-f]{12} \(/ }
Map manifest = support.manifest(repository, '1')
assert blobLines.size() == 1 + manifest.layers.size(): "one line per blob:\n${blobLines.join('\n')}"
assert blobLines.every { it.endsWith(': pushed') }: blobLines.join('\n')
String summary = first.readLines().find { it.contains('[INFO] Pushed ') }
assert summary?.contains("Pushed ${registry}/${repository}:1@${archived} (") && summary.endsWith('MB), also tagged extra'): summary

// The pushed image runs (the java17 test base: java itself).
String name = "${support.ref(repository)}:extra"
try {
  Map run = support.exec(['podman', 'run', '--rm', '--tls-verify=false', '--entrypoint', '/usr/bin/java', name, '-version'], [:], 180)
  assert run.exit == 0: run.err
  assert run.err.contains('openjdk version "17'): run.err
} finally {
  support.removeImage(name)
}

// 2: again: every blob already there, nothing uploaded.
String again = log('again.log')
List<String> againLines = again.readLines().findAll { it =~ /\[INFO\] (Config|Layer) sha256:/ }
assert againLines.size() == blobLines.size()
assert againLines.every { it.endsWith(': already present') }: againLines.join('\n')
assert again.contains("Pushed ${registry}/${repository}:1@${archived}")

// 3: another repository of the same registry: mounted from the one the archive names.
String mounted = log('mount.log')
List<String> mountLines = mounted.readLines().findAll { it =~ /\[INFO\] (Config|Layer) sha256:/ }
assert mountLines.size() == blobLines.size()
assert mountLines.every { it.endsWith(": mounted from ${repository}") }: mountLines.join('\n')
assert support.manifest('it/push-archive-mounted', '1').digest == archived

// 4: a truncated archive: refused as the user's mistake, naming the file; nothing pushed.
String corrupt = log('corrupt.log')
String failure = corrupt.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert failure?.contains('truncated.tar is not a complete tar archive'): failure
assert corrupt.contains('MojoFailureException')
assert !corrupt.contains('[INFO] Layer sha256:')
support.assertNothingPushed('it/push-archive-corrupt')

// 5: offline: refused before any network call.
String offline = log('offline.log')
String offlineFailure = offline.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
assert offlineFailure?.contains('-o (offline): distroless:push sends'): offlineFailure
support.assertNothingPushed('it/push-archive-offline')
