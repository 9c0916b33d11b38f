// The 200 MiB layer took seconds to send: in batch mode the log says how far the push is, with
// the total, the rate and the layer, the first line after a second and the next within five;
// under -q nothing is said, though the same layer was sent as slowly.
def support = evaluate(new File(supportScript))

String path = '/v2/it/progress-on-a-large-push/blobs/uploads'
assert support.faultHits(path) > 0: 'the batch push did not go through the throttled proxy'
assert support.faultHits('/v2/it/progress-on-a-large-push-quiet/blobs/uploads') > 0

List<String> progress = new File(basedir, '2-batch.log').readLines()
    .findAll { it.startsWith('[INFO] Pushing: ') }
assert progress.size() >= 2: progress.join('\n')
progress.each { line ->
  assert line ==~ /\[INFO\] Pushing: [0-9.]+ (kB|MB) of [0-9.]+ MB \([0-9]+%\), [0-9.]+ (kB|MB)\/s(; sha256:[0-9a-f]{12} [0-9.]+ (kB|MB) of [0-9.]+ (kB|MB))+/: line
}
// The big layer itself was reported on its way (the base's layers go to a new repository too).
assert progress.any { it =~ / of 200\.[0-9] MB$/ }: progress.join('\n')
assert new File(basedir, '2-batch.log').text =~ /\[INFO\] Layer sha256:[0-9a-f]{12} \(2[0-9]{2}\.[0-9] MB\): pushed/

String quiet = new File(basedir, '1-quiet.log').text
assert !quiet.contains('Pushing'): quiet
assert support.registryDigest('it/progress-on-a-large-push-quiet', '1') ==~ /sha256:[0-9a-f]{64}/
['progress-on-a-large-push', 'progress-on-a-large-push-quiet'].each {
  support.clearFaults("/v2/it/${it}/blobs/uploads")
}
return true
