// <extraDirectories> land in the last layer where <into> says, owned by root, with the modes
// <permissions> give (755, 600) and 644/755 otherwise; the app reads them at run time.
def support = evaluate(new File(supportScript))

String repository = 'it/extra-directories-with-permissions'
String digest = support.writtenDigest()

List<List<Map>> layers = support.appLayers(repository, digest, 'distroless/java17-debian13', 'nonroot')
Map<String, Map> extra = layers[-1].collectEntries { [(it.name): it] }
assert extra.keySet() == ['/app', '/app/config', '/app/config/secret.key', '/app/config/settings.properties',
                          '/opt', '/opt/app', '/opt/app/bin', '/opt/app/bin/check'] as Set
extra.values().each { assert [it.uid, it.gid] == [0, 0]: "${it.name} is owned by ${it.uid}:${it.gid}" }
assert extra['/app/config/settings.properties'].mode == '-rw-r--r--'
assert extra['/app/config/secret.key'].mode == '-rw-------'
assert extra['/opt/app/bin/check'].mode == '-rwxr-xr-x'
['/app', '/app/config', '/opt', '/opt/app', '/opt/app/bin'].each { assert extra[it].mode == 'drwxr-xr-x' }
// The app's own layers are untouched by <permissions>.
layers[0..-2].each { support.assertRootOwnedReadOnly(it) }

String output = support.podmanRun("${support.ref(repository)}@${digest}")
assert output.readLines() == [
    'settings: the extra directory',
    'secret readable: false',
    'check executable: true',
    'config writable: false',
]
