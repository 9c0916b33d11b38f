// Nothing fails: a counting rule only proves that the build's requests went through the proxy.
// The image carries a resource of 24 MiB that does not compress, so its layer is streamed
// through the proxy in many pieces (the proxy holds no body whole).
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/registry-proxy-passes-through')
['/v2/it/registry-proxy-passes-through/', '/v2/it/registry-proxy-passes-through/blobs/uploads/.+[?&]digest='].each {
  support.clearFaults(it)
  support.addFault([path: it, action: 'count'])
}

File resource = new File(basedir, 'src/main/resources/data/big.bin')
resource.parentFile.mkdirs()
byte[] block = new byte[1 << 20]
Random random = new Random(4711)
resource.withOutputStream { out ->
  24.times {
    random.nextBytes(block)
    out.write(block)
  }
}
// The invoker runs the build only when a pre-build script's value reads as true.
return true
