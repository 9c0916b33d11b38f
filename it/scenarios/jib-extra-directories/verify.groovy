// Each of Jib's ways to name extra directories lands their files where Jib puts them.
def support = evaluate(new File(supportScript))

String repository = 'it/jib-extra-directories'
Map<String, List<String>> expected = [
  'default': ['/etc/app/jib.conf'],
  'strings': ['/a.txt', '/opt/b/sub/b.txt', '/srv/keep.json'],
  'plain': ['/c.txt'],
]
expected.each { String tag, List<String> files ->
  String digest = support.registryDigest(repository, tag)
  List<List<Map>> layers = support.appLayers(repository, digest, 'distroless/java17-debian13', 'nonroot')
  List<String> extra = layers[-1].findAll { !it.mode.startsWith('d') }*.name
  assert extra.sort() == files: "${tag}: ${extra}"
}
return true
