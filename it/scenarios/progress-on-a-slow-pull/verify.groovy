// The base's layers came through the throttled proxy into each run's own cache. In batch mode
// the log said how far the pull was, with the total, the rate and the layer, more than once;
// under -q it said nothing, though the same layers came as slowly.
def support = evaluate(new File(supportScript))

String path = '/v2/it/progress-on-a-slow-pull/base/blobs/'
assert support.faultHits(path) >= 2: 'the base was not pulled through the throttled proxy twice'
['cache-quiet', 'cache-batch'].each { String cache ->
  File layers = new File(basedir, "${cache}/distroless-maven-plugin")
  assert layers.isDirectory(): "${layers}: the run did not use its own cache"
}

List<String> progress = new File(basedir, '2-batch.log').readLines()
    .findAll { it.startsWith('[INFO] Pulling the base: ') }
assert progress.size() >= 2: progress.join('\n')
progress.each { line ->
  assert line ==~ /\[INFO\] Pulling the base: [0-9.]+ (kB|MB) of [0-9.]+ MB \([0-9]+%\), [0-9.]+ (kB|MB)\/s(; sha256:[0-9a-f]{12} [0-9.]+ (kB|MB) of [0-9.]+ (kB|MB))+/: line
}
assert new File(basedir, 'target/distroless/image.tar').length() > 0

String quiet = new File(basedir, '1-quiet.log').text
assert !quiet.contains('Pulling'): quiet
support.clearFaults(path)
return true
