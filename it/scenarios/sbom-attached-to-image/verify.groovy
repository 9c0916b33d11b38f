// Issue 5, acceptance 3: the SBOM lists the app's Maven dependencies, the base's libc6 and the
// JRE, and is found from the registry starting from the pushed image's digest. It is the same
// document in target/distroless, in the archive, and after distroless:push of the archive.
import groovy.json.JsonSlurper

def support = evaluate(new File(supportScript))

String log = support.buildLog()
String digest = new JsonSlurper().parse(new File(basedir, 'target/distroless/image.json')).digest
assert log.contains('SBOM: ') && log.contains('attached to the image in the referrers tag sha256-'): 'the build did not say where the SBOM went'

// From the registry, starting at the digest the build pushed.
assert support.registryDigest('it/sbom-attached-to-image', '1') == digest
Map attached = support.sbomFromRegistry('it/sbom-attached-to-image', digest)
Map<String, Map> components = support.assertSbomDescribes(attached.json, digest, [
    'com.google.code.gson:gson:2.10.1',
    'org.apache.commons:commons-text:1.12.0',
    'org.apache.commons:commons-lang3:3.14.0'])
assert components.keySet().find { it.startsWith('pkg:deb/debian/openjdk-17-jre-headless@') }: 'the JRE package is missing'
Map app = (attached.json.components as List<Map>).find { it.type == 'application' }
assert app.purl.startsWith('pkg:maven/it.distroless/sbom-attached-to-image@1.0.0')

// The tar run rebuilt the same image (same digest) and so the same SBOM, byte for byte.
File written = new File(basedir, 'target/distroless/sbom.cdx.json')
assert written.file: 'target/distroless/sbom.cdx.json was not written'
assert new File(basedir, 'target/distroless/image.digest').text.trim() == digest: 'the archive holds another image'
assert written.bytes == attached.bytes: 'the SBOM is not reproducible: the tar build wrote other bytes'

// The archive carries it as a referrer of the image in its OCI layout.
File unpacked = new File(basedir, 'target/unpacked')
unpacked.mkdirs()
support.run(['tar', '-xf', new File(basedir, 'target/distroless/image.tar').path, '-C', unpacked.path])
Closure<byte[]> entry = { String name -> new File(unpacked, name).bytes }
Map index = new JsonSlurper().parse(entry('index.json')) as Map
Map listed = (index.manifests as List<Map>).find { it.artifactType == 'application/vnd.cyclonedx+json' }
assert listed: "index.json lists no SBOM: ${index.manifests}"
Map artifact = new JsonSlurper().parse(entry('blobs/sha256/' + listed.digest.substring(7))) as Map
assert artifact.subject.digest == digest
assert entry('blobs/sha256/' + artifact.layers[0].digest.substring(7)) == attached.bytes

// Pushing the archive elsewhere attaches it there too.
assert new File(basedir, 'push.log').text.contains('Attached application/vnd.cyclonedx+json')
Map pushed = support.sbomFromRegistry('it/sbom-attached-to-image-from-tar', digest)
assert pushed.bytes == attached.bytes

// The image itself still runs.
String out = support.podmanRun(support.ref('it/sbom-attached-to-image') + ':1').trim()
assert out == 'Sbom1': "the image printed ${out}"
