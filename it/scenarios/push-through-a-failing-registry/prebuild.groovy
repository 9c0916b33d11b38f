// The registry proxy fails this scenario's requests (and no other scenario's: every rule is
// scoped by the repository) as busy registries do: 429 with Retry-After for two seconds from
// the first blob check (every check in that window is refused), 503 and a reset on
// blob uploads, 500 on the tag's manifest, 502 on reading the manifest back.
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/push-through-a-failing-registry')
String repository = '/v2/it/push-through-a-failing-registry/'
Map<String, Map> faults = [
    (repository + 'blobs/sha256:')                 : [method: 'HEAD', status: 429, seconds: 2, retryAfter: '1'],
    (repository + 'blobs/uploads/.+[?&]digest=')   : [method: 'PUT', status: 503, times: 1],
    (repository + 'blobs/uploads/[^/]+[?&]digest='): [method: 'PUT', action: 'reset', times: 1, afterBytes: 4096],
    (repository + 'manifests/1$')                  : [method: 'PUT', status: 500, times: 1],
    (repository + 'manifests/sha256:')             : [method: 'GET', status: 502, times: 1],
]
faults.each { String path, Map rule ->
  support.clearFaults(path)
  support.addFault([path: path] + rule)
}
// The invoker runs the build only when a pre-build script's value reads as true.
return true
