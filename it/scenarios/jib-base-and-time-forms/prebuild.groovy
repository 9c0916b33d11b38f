// The base as a file beside the project, named by a relative tar:// path; and as an image of
// the test bed's podman, for docker://.
def support = evaluate(new File(supportScript))

File bases = new File(basedir, 'bases')
bases.mkdirs()
File tar = new File(bases, 'base.tar')
if (!tar.isFile()) {
  support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false',
      "docker://${registry}/distroless/java17-debian13:nonroot".toString(),
      "docker-archive:${tar.path}:example/base:1".toString()], [:], 300)
}
support.run(['podman', 'pull', '--quiet', '--tls-verify=false',
    "${registry}/distroless/java17-debian13:nonroot".toString()], [:], 300)
support.run(['podman', 'tag', "${registry}/distroless/java17-debian13:nonroot".toString(),
    'localhost/it-engine-base:1'])
support.deleteTags('jib-base-and-time-forms')
return true
