// A registry of this scenario's own, holding the java17 test base: one online build caches the
// base, then the registry is stopped for good before the invoker's offline goals run.
def support = evaluate(new File(supportScript))

String privateRegistry = '127.0.0.1:15077'
File dir = new File(basedir, 'private-registry')
dir.mkdirs()
new File(dir, 'config.yml').text = """version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: ${dir}/storage}}
http: {addr: "${privateRegistry}", secret: scenario-secret}
"""
Process registryProcess = new ProcessBuilder('docker-registry', 'serve', new File(dir, 'config.yml').path)
    .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
try {
  support.httpGet("http://${privateRegistry}/v2/", 30)
  support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false', '--dest-tls-verify=false',
      "docker://${registry}/distroless/java17-debian13:nonroot",
      "docker://${privateRegistry}/distroless/java17-debian13:nonroot"], [:], 300)
  support.run(['mvn', '-B', '-q', '-f', new File(basedir, 'pom.xml').path, 'package', 'distroless:tar', '-Drun=online',
      "-Dit.registry=${registry}"], [:], 600)
} finally {
  registryProcess.destroy()
  registryProcess.waitFor()
}
assert support.exec(['curl', '-sS', '--max-time', '2', "http://${privateRegistry}/v2/"]).exit != 0: 'the private registry still answers'
