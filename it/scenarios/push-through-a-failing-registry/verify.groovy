// Every fault fired, the build went on through each, and the image is whole in the registry:
// skopeo, reading the registry itself (not through the proxy), pulls it.
def support = evaluate(new File(supportScript))

String repository = 'it/push-through-a-failing-registry'
String prefix = "/v2/${repository}/"
String push = new File(basedir, '1-push.log').text
String unchanged = new File(basedir, '2-unchanged.log').text

int checksRefused
try {
  checksRefused = support.faultHits(prefix + 'blobs/sha256:')
  assert support.faultHits(prefix + 'blobs/uploads/.+[?&]digest=') == 1
  assert support.faultHits(prefix + 'blobs/uploads/[^/]+[?&]digest=') == 1
  assert support.faultHits(prefix + 'manifests/1$') == 1
  assert support.faultHits(prefix + 'manifests/sha256:') == 1
} finally {
  ['blobs/sha256:', 'blobs/uploads/.+[?&]digest=', 'blobs/uploads/[^/]+[?&]digest=', 'manifests/1$',
   'manifests/sha256:'].each { support.clearFaults(prefix + it) }
}

// The blobs are checked side by side, each refused at first; each 429 holds every request to
// the registry off for the second it asks, so the checks go again no faster than that until
// the 2 s window closes: at least one refusal, at most two per blob.
int blobs = support.manifest(repository, '1').layers.size() + 1
assert checksRefused >= 2 && checksRefused <= 2 * blobs: "${checksRefused} checks refused for ${blobs} blobs"

String proxied = "${registryProxy}/${repository}"
// A HEAD answer has no body, so no registry message either.
assert push.contains("${proxied}: HEAD blobs/sha256:") && push.contains('got HTTP 429; trying again in 1 s as the registry asked (attempt 2)')
assert push.contains('got HTTP 503 (UNAVAILABLE: injected by the test bed\'s registry proxy); trying again in')
assert push.contains("${proxied}: PUT manifests/1 got HTTP 500")
assert (push =~ /upload of blob sha256:[0-9a-f]{64} got .*(reset|end of file|Broken pipe|Error writing)/).find()
assert push.contains('BUILD SUCCESS')
assert unchanged.contains("${proxied}: GET manifests/sha256:") && unchanged.contains('got HTTP 502')
assert unchanged.contains('Up to date: nothing changed since the last push')

String digest = support.writtenDigest()
assert support.registryDigest(repository, '1') == digest
support.pullWhole(repository, digest, new File(basedir, 'target/pulled'))
