// Forget what an earlier run pushed, blob links too, so that verify.groovy judges this run: the
// build is reproducible, so after a run on the same registry run 2 would find its SBOMs there
// and open no upload.
// Run 2 pushes through the registry proxy, which fails its requests as a busy registry does
// (the other runs push to the registry itself): 429 with Retry-After on opening uploads for a
// second, 503 on the first two manifests put by digest (the platforms' images, pushed side by
// side), a reset on a referrers tag (an SBOM), 500 on the index under the tag.
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/multi-platform-index')
String repository = '/v2/it/multi-platform-index/'
Map<String, Map> faults = [
    (repository + 'blobs/uploads/')      : [method: 'POST', status: 429, seconds: 1, retryAfter: '1'],
    (repository + 'manifests/sha256:')   : [method: 'PUT', status: 503, times: 2],
    (repository + 'manifests/sha256-')   : [method: 'PUT', action: 'reset', times: 1],
    (repository + 'manifests/oci$')      : [method: 'PUT', status: 500, times: 1],
]
faults.each { String path, Map rule ->
  support.clearFaults(path)
  support.addFault([path: path] + rule)
}
// The invoker runs the build only when a pre-build script's value reads as true.
return true
