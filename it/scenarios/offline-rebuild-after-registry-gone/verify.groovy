// Offline, with the base's registry gone: the archive is built from the cache with the same
// digest as online, and it runs; a push is refused, saying why.
def support = evaluate(new File(supportScript))

String online = new File(basedir, 'digest-online.txt').text.trim()
String offline = new File(basedir, 'digest-offline.txt').text.trim()
assert online ==~ /sha256:[0-9a-f]{64}/
assert offline == online: "offline ${offline} differs from online ${online}"

support.run(['podman', 'load', '--quiet', '-i', new File(basedir, 'image-offline.tar').path])
String out = support.podmanRun("${registry}/it/offline-rebuild-after-registry-gone:1")
assert out.trim() == 'built offline'

String log = support.buildLog()
assert log.contains('-o (offline): distroless:build pushes to'): 'the offline push was not refused with its reason'
assert log.contains("mvn -o package distroless:tar"): 'the refusal does not name the way out'
support.assertNothingPushed('it/offline-rebuild-after-registry-gone')
