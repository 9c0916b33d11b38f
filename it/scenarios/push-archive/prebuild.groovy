// Makes the archive to push: skopeo (an independent writer, with its own JSON formatting) copies
// the java17 test base, which can run `java -version`, into an OCI archive tagged 1.0; its
// index.json then also gets the full name docker save and distroless:tar write
// (io.containerd.image.name), which tells the push where the blobs already are. Also a
// truncated copy, and a clean registry.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

['push-archive'].each { support.deleteTags(it) }

File image = new File(basedir, 'image.tar')
File unpacked = new File(basedir, 'unpacked')
image.delete()
unpacked.deleteDir()
support.run(['skopeo', 'copy', '--src-tls-verify=false',
    "docker://${registry}/distroless/java17-debian13:nonroot", "oci-archive:${image.path}:1.0"], [:], 300)

unpacked.mkdirs()
support.run(['tar', '-xf', image.path, '-C', unpacked.path])
File index = new File(unpacked, 'index.json')
Map json = new JsonSlurper().parse(index) as Map
assert json.manifests.size() == 1
json.manifests[0].annotations['io.containerd.image.name'] = "${registry}/it/push-archive:1".toString()
index.text = JsonOutput.toJson(json)

// The registry keeps a repository's blobs when its tags go: unlink them too, so that push 1
// uploads and push 3 mounts, whatever earlier runs left.
Map archived = new JsonSlurper().parse(new File(unpacked, "blobs/sha256/${(json.manifests[0].digest as String) - 'sha256:'}")) as Map
List<String> blobs = [archived.config.digest] + archived.layers*.digest
['it/push-archive', 'it/push-archive-mounted'].each { String repository -> support.deleteBlobs(repository, blobs) }
image.delete()
support.run(['tar', '-cf', image.path, '-C', unpacked.path, 'oci-layout', 'index.json', 'blobs'])
unpacked.deleteDir()

File truncated = new File(basedir, 'truncated.tar')
java.nio.file.Files.copy(image.toPath(), truncated.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
new RandomAccessFile(truncated, 'rw').withCloseable { it.setLength(image.length().intdiv(2)) }
