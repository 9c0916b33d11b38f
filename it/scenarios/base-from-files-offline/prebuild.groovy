// The bases as files, from the java17 test base: a docker-archive, an OCI archive and an OCI
// layout as skopeo writes them; a truncated copy; and a docker-archive whose config says arm64.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.security.MessageDigest

def support = evaluate(new File(supportScript))

File bases = new File(basedir, 'bases')
bases.deleteDir()
bases.mkdirs()
String source = "docker://${registry}/distroless/java17-debian13:nonroot"
['docker-archive:docker.tar:example/base:1', 'oci-archive:oci.tar:1.0', 'oci:layout:1.0'].each { String destination ->
  List<String> parts = destination.split(':', 3) as List
  support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false', source,
      "${parts[0]}:${new File(bases, parts[1]).path}:${parts[2]}"], [:], 300)
}

File docker = new File(bases, 'docker.tar')
File truncated = new File(bases, 'truncated.tar')
truncated.bytes = docker.bytes[0..<(docker.length().intdiv(2) as int)] as byte[]

// arm64: the same archive with the config's architecture changed (and renamed by its digest).
File unpacked = new File(bases, 'arm64')
unpacked.mkdirs()
support.run(['tar', '-xf', docker.path, '-C', unpacked.path])
File manifestFile = new File(unpacked, 'manifest.json')
List manifest = new JsonSlurper().parse(manifestFile) as List
File config = new File(unpacked, manifest[0].Config as String)
Map json = new JsonSlurper().parse(config) as Map
json.architecture = 'arm64'
byte[] armConfig = JsonOutput.toJson(json).bytes
String hex = MessageDigest.getInstance('SHA-256').digest(armConfig).encodeHex().toString()
config.delete()
new File(unpacked, "${hex}.json").bytes = armConfig
manifest[0].Config = "${hex}.json".toString()
manifestFile.text = JsonOutput.toJson(manifest)
support.run(['tar', '-cf', new File(bases, 'arm64.tar').path, '-C', unpacked.path, '.'])
unpacked.deleteDir()
