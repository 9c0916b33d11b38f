// distroless:tar writes target/distroless/image.tar, a docker-archive that podman loads under
// the <to><image> name and runs; the registry never hears of the image.
def support = evaluate(new File(supportScript))

String repository = 'it/tar-goal'
support.assertNothingPushed(repository)

File tar = new File(basedir, 'target/distroless/image.tar')
assert tar.file && tar.length() > 0
assert !new File(basedir, 'target/distroless').list().any { it.contains('partial') || it.endsWith('.tmp') }
assert !new File(basedir, 'target/distroless/cache/app-layers/tmp/layer4242').exists()
assert new File(basedir, 'build.log').text.contains('Removed 2 leftovers of an interrupted build')
String digest = support.writtenDigest()
Map json = support.writtenImageJson()
assert json.image == "${registry}/${repository}:1".toString()
assert json.digest == digest
assert json.size > 0

// An independent reader agrees on what the archive holds.
Map config = new groovy.json.JsonSlurper().parseText(
    support.run(['skopeo', 'inspect', '--config', "docker-archive:${tar.path}"])).config
assert config.User == '65532:65532'
assert config.Entrypoint[-1] == 'com.example.tar.Offline'

String name = "${support.ref(repository)}:1"
support.removeImage(name)
try {
  String loaded = support.run(['podman', 'load', '-i', tar.path])
  assert loaded.contains(name)
  String imageId = new File(basedir, 'target/distroless/image.id').text.trim()
  assert support.run(['podman', 'image', 'inspect', '--format', '{{.Id}}', name]).trim() == imageId - 'sha256:'
  assert support.run(['podman', 'run', '--rm', '--pull=never', name]).trim() == 'loaded from a docker-archive'
} finally {
  support.removeImage(name)
}
