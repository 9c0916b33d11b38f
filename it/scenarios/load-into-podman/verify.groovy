// distroless:load puts the image into podman through its socket under every tag, and it runs;
// of two platforms, the build machine's is loaded; with no engine at DOCKER_HOST the build
// stops before building, naming the socket and distroless:tar; distroless:tar's summary says
// how to load its archive.
def support = evaluate(new File(supportScript))

String loadLog = new File(basedir, '4-load.log').text
assert loadLog.contains('[INFO] Loading the image into the engine at unix:///run/podman/podman.sock')
assert loadLog =~ /\[INFO\] Loaded into the engine localhost\/it-load-into-podman:1\.0\.0@sha256:[0-9a-f]{64} \(.*\), also tagged latest/
assert !new File(basedir, 'target/distroless/image.tar').exists(): 'load keeps no archive on disk'
String digest = support.writtenDigest()
String imageId = new File(basedir, 'target/distroless/image.id').text.trim()
try {
  ['1.0.0', 'latest'].each { tag ->
    String id = support.run(['podman', 'image', 'inspect', '--format', '{{.Id}}', "localhost/it-load-into-podman:${tag}".toString()]).trim()
    assert "sha256:${id}" == imageId: "${tag}: ${id}"
  }
  String user = support.run(['podman', 'image', 'inspect', '--format', '{{.Config.User}}', 'localhost/it-load-into-podman:1.0.0']).trim()
  assert user == '65532:65532'
  assert support.podmanRun('localhost/it-load-into-podman:1.0.0').trim() == 'loaded into the engine, running on amd64'
} finally {
  support.removeImage('localhost/it-load-into-podman:latest')
  support.removeImage('localhost/it-load-into-podman:1.0.0')
}

String two = new File(basedir, '2-load-two-platforms.log').text
assert two.contains('an index of 2 platforms')
try {
  String architecture = support.run(['podman', 'image', 'inspect', '--format', '{{.Architecture}}', 'localhost/it-load-into-podman:both']).trim()
  assert architecture == 'amd64'
} finally {
  support.removeImage('localhost/it-load-into-podman:both')
}

String none = new File(basedir, '3-no-engine.log').text
assert none.contains('No Docker or Podman engine answered. Tried:')
assert none.contains('unix:///tmp/no-engine-here.sock (DOCKER_HOST): does not exist')
assert none.contains('Or write the image to a file with distroless:tar and load it where an engine runs')
assert !none.contains('Base image '): 'nothing is read or built without an engine to load into'

String tar = new File(basedir, '1-tar.log').text
String archive = new File(basedir, 'target/distroless/image.tar').path
assert tar.contains("[INFO] Load it: docker load -i ${archive} (or podman load -i ${archive}), then run it hardened: podman run ")
return true
