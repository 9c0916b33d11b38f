// The test bed's Java 17 base under a repository of this scenario's (the registry mounts its
// blobs, nothing is sent), and the proxy slowed to 12 MiB/s for its blobs, so that pulling its
// 80 MB takes about seven seconds.
def support = evaluate(new File(supportScript))

support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false', '--dest-tls-verify=false',
    "docker://${registry}/distroless/java17-debian13:nonroot".toString(),
    "docker://${registry}/it/progress-on-a-slow-pull/base:1".toString()], [:], 300)
String path = '/v2/it/progress-on-a-slow-pull/base/blobs/'
support.clearFaults(path)
support.addFault([path: path, action: 'throttle', bytesPerSecond: 12 * 1024 * 1024])
['cache-quiet', 'cache-batch'].each { new File(basedir, it).deleteDir() }
return true
