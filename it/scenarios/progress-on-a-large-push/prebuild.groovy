// 200 MiB of random bytes (gzip cannot shrink them), new on every run so that the registry
// never holds the layer yet, for the extra directory; and the proxy slowed to 25 MiB/s for each
// of this scenario's uploads, so that each push takes about eight seconds (the base's layer
// goes beside the big one, not before it).

def support = evaluate(new File(supportScript))

File big = new File(basedir, 'big')
big.mkdirs()
File blob = new File(big, 'blob.bin')
Random random = new Random()
byte[] chunk = new byte[1024 * 1024]
blob.withOutputStream { out ->
  200.times {
    random.nextBytes(chunk)
    out.write(chunk)
  }
}
['progress-on-a-large-push', 'progress-on-a-large-push-quiet'].each { String repository ->
  support.forgetEarlierPushes("it/${repository}")
  String path = "/v2/it/${repository}/blobs/uploads"
  support.clearFaults(path)
  support.addFault([path: path, action: 'throttle', bytesPerSecond: 25 * 1024 * 1024])
}
return true
