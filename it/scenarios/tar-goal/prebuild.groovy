// Forget what an earlier, broken run may have pushed, so that verify.groovy judges this run.
def support = evaluate(new File(supportScript))

support.deleteTags('tar-goal')

// What a build killed mid-write leaves (kill -9 gives it no chance to clean up): a half-written
// archive beside the real one, and a layer half-compressed in the cache's tmp/. The next build
// removes both and never reads them.
File distroless = new File(basedir, 'target/distroless')
File unpack = new File(distroless, 'cache/app-layers/tmp/layer4242')
unpack.mkdirs()
new File(unpack, 'layer.partial').text = 'half a layer'
new File(distroless, '.image.tar.4242.partial').text = 'half an archive'
// The invoker runs the build only when a pre-build script's value reads as true.
return true
