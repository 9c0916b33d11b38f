// The build pushed through the proxy, and the image is whole in the registry: skopeo, reading
// the registry itself (not through the proxy), copies it, checking every blob's digest; a copy
// through the proxy gets the same manifest and the same layers.
def support = evaluate(new File(supportScript))

String repository = 'it/registry-proxy-passes-through'
String requests = "/v2/${repository}/"
String uploads = "/v2/${repository}/blobs/uploads/.+[?&]digest="
int sent = support.takeFaultHits(requests)
int uploaded = support.takeFaultHits(uploads)
assert sent > 0: 'no request of the build went through the registry proxy'
assert uploaded >= 1: 'no blob was uploaded through the registry proxy'

String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest
Map manifest = support.manifest(repository, '1')
assert manifest.layers.any { it.size >= 24 * 1024 * 1024 }: "no layer holds the 24 MiB resource: ${manifest.layers*.size}"

File direct = new File(basedir, 'target/pulled-direct')
File proxied = new File(basedir, 'target/pulled-through-proxy')
support.pullWhole(repository, digest, direct)
support.pullWhole(repository, digest, proxied, registryProxy)
manifest.layers.each { Map layer ->
  String hex = layer.digest.substring('sha256:'.length())
  assert new File(proxied, hex).length() == layer.size: "layer ${layer.digest} read through the proxy is not whole"
}
assert new File(proxied, 'manifest.json').bytes == new File(direct, 'manifest.json').bytes
