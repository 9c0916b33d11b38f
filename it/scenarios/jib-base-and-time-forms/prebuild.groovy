// The base as a file beside the project, named by a relative tar:// path.
def support = evaluate(new File(supportScript))

File bases = new File(basedir, 'bases')
bases.mkdirs()
File tar = new File(bases, 'base.tar')
if (!tar.isFile()) {
  support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false',
      "docker://${registry}/distroless/java17-debian13:nonroot".toString(),
      "docker-archive:${tar.path}:example/base:1".toString()], [:], 300)
}
support.deleteTags('jib-base-and-time-forms')
return true
