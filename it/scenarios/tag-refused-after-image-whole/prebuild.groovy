// The registry refuses the second tag (as registries with immutable tags do), after the image
// and its first tag are in.
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/tag-refused-after-image-whole')
String path = '/v2/it/tag-refused-after-image-whole/manifests/immutable$'
support.clearFaults(path)
support.addFault([path: path, method: 'PUT', status: 403, times: 100])
// The invoker runs the build only when a pre-build script's value reads as true.
return true
