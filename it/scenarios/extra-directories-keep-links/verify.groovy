// The links are link entries of the extra layer, their targets as written, and the app reads
// through them at run time.
def support = evaluate(new File(supportScript))

String repository = 'it/extra-directories-keep-links'
String digest = support.writtenDigest()
List<List<Map>> layers = support.appLayers(repository, digest, 'distroless/java17-debian13', 'nonroot')
Map<String, Map> extra = layers[-1].collectEntries { [(it.name): it] }
assert extra['/app/config/current.properties'].mode.startsWith('l')
assert extra['/app/config/active'].mode.startsWith('l')
assert extra['/app/config/app-v2.properties'].mode == '-rw-r--r--'
assert extra['/app/config/releases/2/banner.txt'].mode == '-rw-r--r--'

String output = support.podmanRun("${support.ref(repository)}@${digest}")
assert output.readLines() == [
    'current is a link to app-v2.properties',
    'greeting=hello from v2',
    'active is a link to releases/2',
    'release 2',
]
