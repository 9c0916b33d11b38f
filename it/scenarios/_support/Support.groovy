// Helpers shared by the verify (and prebuild) scripts: run a command, read the registry, list
// layers, run images in podman. A script loads it with
//   def support = evaluate(new File(supportScript))
// (supportScript is a script variable the POM's invoker configuration sets: the invoker clones
// only the scenarios to target/it, not this folder). Evaluated that way, this script shares the
// caller's variables (basedir, registry).
//
// Every helper fails with the command's or the registry's own output, so that a failing
// scenario says why without a rerun.

import groovy.json.JsonSlurper
import groovy.transform.Field
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.time.Duration

import static java.util.concurrent.TimeUnit.SECONDS

@Field static final String DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
@Field static final String OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
@Field static final String DOCKER_INDEX = 'application/vnd.docker.distribution.manifest.list.v2+json'
@Field static final String OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
@Field static final String ANY_MANIFEST = "${DOCKER_MANIFEST}, ${OCI_MANIFEST}, ${DOCKER_INDEX}, ${OCI_INDEX}".toString()

// ---------------------------------------------------------------------------------------------
// Commands

/** Runs a command; returns [exit, out, err] without judging the exit code. */
Map exec(List<String> command, Map<String, String> environment = [:], long timeoutSeconds = 120) {
  ProcessBuilder builder = new ProcessBuilder(command.collect { it.toString() })
  builder.environment().putAll(environment)
  Process process = builder.start()
  StringBuffer out = new StringBuffer()
  StringBuffer err = new StringBuffer()
  Thread outReader = process.consumeProcessOutputStream(out)
  Thread errReader = process.consumeProcessErrorStream(err)
  if (!process.waitFor(timeoutSeconds, SECONDS)) {
    process.destroyForcibly()
    throw new AssertionError("Timed out after ${timeoutSeconds} s: ${command.join(' ')}\n--- stdout\n${out}\n--- stderr\n${err}")
  }
  outReader.join()
  errReader.join()
  [exit: process.exitValue(), out: out.toString(), err: err.toString()]
}

/** Runs a command that must succeed; returns its stdout. */
String run(List<String> command, Map<String, String> environment = [:], long timeoutSeconds = 120) {
  Map result = exec(command, environment, timeoutSeconds)
  if (result.exit != 0) {
    throw new AssertionError("Exit ${result.exit}: ${command.join(' ')}\n--- stdout\n${result.out}\n--- stderr\n${result.err}")
  }
  result.out
}

// ---------------------------------------------------------------------------------------------
// Outputs of the build

String buildLog() {
  new File(basedir, 'build.log').text
}

File distrolessDir() {
  new File(basedir, 'target/distroless')
}

/** target/distroless/image.digest, checked to be a sha256 digest. */
String writtenDigest() {
  File file = new File(distrolessDir(), 'image.digest')
  assert file.file: "${file} was not written"
  String digest = file.text.trim()
  assert digest ==~ /sha256:[0-9a-f]{64}/
  digest
}

Map writtenImageJson() {
  File file = new File(distrolessDir(), 'image.json')
  assert file.file: "${file} was not written"
  new JsonSlurper().parse(file) as Map
}

/** For refusals: the build stopped before writing any result. */
void assertNoImageOutputs() {
  File[] written = distrolessDir().listFiles({ File f -> f.name.startsWith('image.') } as FileFilter)
  assert !written: "a refused build wrote ${written*.name}"
}

/**
 * For refusals: the distroless goal failed as a user's mistake (MojoFailureException), with a
 * message containing every fragment, before it contacted a registry or wrote a result.
 */
void assertRefused(List<String> fragments) {
  String log = buildLog()
  String failure = log.readLines().find { it.contains('Failed to execute goal io.github.distrolessmaven:distroless-maven-plugin') }
  assert failure: 'the build did not fail in the distroless goal'
  fragments.each { assert failure.contains(it): "the failure does not say '${it}'" }
  assert log.contains('MojoFailureException'): 'a configuration mistake must be a MojoFailureException'
  assert !log.contains('gcr.io/distroless'): 'the goal went on to the base image instead of refusing first'
  assertNoImageOutputs()
}

// ---------------------------------------------------------------------------------------------
// The registry

/** "127.0.0.1:15000/it/<scenario>" for a repository "it/<scenario>". */
String ref(String repository) {
  "${registry}/${repository}"
}

HttpResponse<byte[]> registryGet(String path, String accept = null) {
  HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://${registry}/v2/${path}"))
      .timeout(Duration.ofSeconds(30))
  if (accept) {
    request.header('Accept', accept)
  }
  HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
      .send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
}

/** The tags a repository holds; none if the registry has never heard of it. */
List<String> tags(String repository) {
  HttpResponse<byte[]> response = registryGet("${repository}/tags/list")
  if (response.statusCode() == 404) {
    return []
  }
  assert response.statusCode() == 200: "GET tags of ${repository}: ${response.statusCode()} ${new String(response.body())}"
  (new JsonSlurper().parse(response.body()).tags ?: []) as List<String>
}

/** Repositories whose name contains fragment. */
List<String> repositoriesNamed(String fragment) {
  List<String> repositories = []
  String page = '_catalog?n=1000'
  while (page) {
    HttpResponse<byte[]> response = registryGet(page)
    assert response.statusCode() == 200: "GET ${page}: ${response.statusCode()} ${new String(response.body())}"
    repositories.addAll(new JsonSlurper().parse(response.body()).repositories)
    // Link: </v2/_catalog?last=...&n=1000>; rel="next"
    page = response.headers().firstValue('Link').map { (it =~ /<\/v2\/([^>]+)>/).with { m -> m.find() ? m.group(1) : null } }.orElse(null)
  }
  repositories.findAll { it.contains(fragment) }
}

/**
 * For the prebuild scripts of scenarios that must push nothing: removes what an earlier (broken)
 * run left in the repositories named like the scenario, so that the check judges this run alone.
 */
void deleteTags(String fragment) {
  repositoriesNamed(fragment).each { String repository ->
    tags(repository).each { String tag ->
      // Tags that shared a manifest went with the first DELETE of its digest.
      if (registryGet("${repository}/manifests/${tag}", ANY_MANIFEST).statusCode() == 404) {
        return
      }
      String digest = indexOrImageDigest(repository, tag)
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://${registry}/v2/${repository}/manifests/${digest}")).DELETE().build(),
          HttpResponse.BodyHandlers.discarding())
      assert response.statusCode() == 202: "DELETE ${repository}@${digest}: ${response.statusCode()}"
    }
  }
}

/**
 * For scenarios that watch a push happen: removes what an earlier run left in the repository
 * (its tags, and the blob links of every image and artifact they named, through indexes and
 * referrers tags, so that every blob is sent again: the builds are reproducible, and the
 * registry outlives the runs) and the project's own record of its last push.
 */
void forgetEarlierPushes(String repository) {
  Set<String> blobs = [] as Set
  tags(repository).each { String tag -> blobs.addAll(blobsUnder(repository, tag)) }
  deleteBlobs(repository, blobs as List)
  deleteTags(repository)
  new File(basedir, 'target/distroless').deleteDir()
}

/** The config and layer digests of what repository:reference names, through any index. */
Set<String> blobsUnder(String repository, String reference) {
  HttpResponse<byte[]> response = registryGet("${repository}/manifests/${reference}", ANY_MANIFEST)
  if (response.statusCode() != 200) {
    return [] as Set
  }
  Map document = new JsonSlurper().parse(response.body()) as Map
  if (document.manifests != null) {
    return document.manifests.collectMany { blobsUnder(repository, it.digest as String) } as Set
  }
  ([document.config?.digest] + (document.layers ?: [])*.digest).findAll() as Set
}

/**
 * For the default-base scenarios: the image pushed as it/default-base-java<release>:1 is built
 * on gcr.io/distroless/java<release>-debian13:nonroot (served by the mirror), runs as 65532 from
 * /usr/bin/java, and its output says the classes ran on that Java release.
 */
void assertDefaultBaseRuns(int release) {
  String repository = "it/default-base-java${release}"
  String digest = writtenDigest()
  assert registryDigest(repository, '1') == digest

  String image = "${ref(repository)}@${digest}"
  Map config = imageConfig(image)
  assert config.Labels['org.opencontainers.image.base.name'] == "gcr.io/distroless/java${release}-debian13:nonroot".toString()
  assert config.Labels['org.opencontainers.image.base.digest'] == registryDigest("distroless/java${release}-debian13", 'nonroot')
  assert config.User == '65532:65532'
  assert config.Entrypoint[0] == '/usr/bin/java'

  String output = podmanRun(image)
  assert output.contains("java ${release} runs release ${release} classes")
  assert output =~ /(?m)^java\.version: ${release}(\.|$)/
}

// ---------------------------------------------------------------------------------------------
// The registry that demands a login (HTTPS, self-signed; it/env's fixture user)

/** What the login registry answers for a path under /v2/: [status, digest header]. */
Map authRegistryGet(String path) {
  String out = run(['curl', '-ksS', '-u', 'it-user:it-secret-4711', '-o', '/dev/null',
      '-w', '%{http_code} %header{docker-content-digest}',
      '-H', "Accept: ${DOCKER_MANIFEST}, ${OCI_MANIFEST}", "https://${authRegistry}/v2/${path}"])
  List<String> parts = out.trim().split(' ', 2) as List
  [status: parts[0] as int, digest: parts.size() > 1 ? parts[1] : null]
}

/** For credential scenarios: the login registry holds repository:tag with the written digest. */
void assertPushedToAuthRegistry(String repository, String tag) {
  String digest = writtenDigest()
  Map answer = authRegistryGet("${repository}/manifests/${tag}")
  assert answer.status == 200 && answer.digest == digest: "the registry answered ${answer}, the build wrote ${digest}"
}

/** For credential refusals: the login registry never heard of the repository. */
void assertNothingPushedToAuthRegistry(String repository) {
  int status = authRegistryGet("${repository}/tags/list").status
  assert status == 404: "the repository exists (HTTP ${status}): something was pushed"
}

/** Unlinks blobs from a repository (the registry keeps them while any repository links them). */
void deleteBlobs(String repository, List<String> digests) {
  digests.each { String digest ->
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://${registry}/v2/${repository}/blobs/${digest}")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding())
    assert response.statusCode() in [202, 404]: "DELETE blob ${repository}@${digest}: ${response.statusCode()}"
  }
}

/**
 * For refusals and the tar goal: no repository named like the scenario holds a tag (the
 * registry keeps a repository's name after deleteTags, so an empty one counts as untouched).
 */
void assertNothingPushed(String fragment) {
  Map<String, List<String>> pushed = repositoriesNamed(fragment).collectEntries { [(it): tags(it)] }.findAll { it.value }
  assert !pushed: "images were pushed: ${pushed}"
}

/**
 * The image manifest (Docker or OCI) of repository:reference, parsed, plus its digest; through
 * an index (the test bases are indexes), the one for linux/architecture.
 */
Map manifest(String repository, String reference, String architecture = 'amd64') {
  HttpResponse<byte[]> response = registryGet("${repository}/manifests/${reference}",
      ANY_MANIFEST)
  assert response.statusCode() == 200: "GET manifest ${repository}:${reference}: ${response.statusCode()} ${new String(response.body())}"
  Map document = new JsonSlurper().parse(response.body()) as Map
  document.digest = response.headers().firstValue('Docker-Content-Digest').orElse(null)
  if (document.manifests != null) {
    Map entry = document.manifests.find { it.platform?.os == 'linux' && it.platform?.architecture == architecture } as Map
    assert entry: "${repository}:${reference} is an index without a linux/${architecture} image: ${document.manifests*.platform}"
    return this.manifest(repository, entry.digest as String, architecture)
  }
  document
}

/** The digest of what repository:reference names: an index's own, or a single image's. */
String indexOrImageDigest(String repository, String reference) {
  HttpResponse<byte[]> response = registryGet("${repository}/manifests/${reference}",
      ANY_MANIFEST)
  assert response.statusCode() == 200: "GET manifest ${repository}:${reference}: ${response.statusCode()}"
  response.headers().firstValue('Docker-Content-Digest').orElseThrow()
}

/** The digest of repository:tag's image for linux/architecture, through its index. */
String platformDigest(String repository, String tag, String architecture = 'amd64') {
  manifest(repository, tag, architecture).digest
}

/**
 * The SBOM attached to repository@digest, found the way an OCI 1.1 client finds it on a registry
 * without the referrers API: the referrers tag sha256-<hex> lists the artifacts whose subject is
 * the image. Returns [manifest: Map, bytes: byte[], json: Map] of the one CycloneDX artifact.
 */
Map sbomFromRegistry(String repository, String digest) {
  String tag = 'sha256-' + digest.substring('sha256:'.length())
  HttpResponse<byte[]> index = registryGet("${repository}/manifests/${tag}", 'application/vnd.oci.image.index.v1+json')
  assert index.statusCode() == 200: "no referrers tag ${repository}:${tag}: ${index.statusCode()} ${new String(index.body())}"
  List sboms = (new JsonSlurper().parse(index.body()).manifests as List).findAll { it.artifactType == 'application/vnd.cyclonedx+json' }
  assert sboms.size() == 1: "the referrers of ${digest} list ${sboms.size()} SBOMs"
  HttpResponse<byte[]> artifact = registryGet("${repository}/manifests/${sboms[0].digest}", OCI_MANIFEST)
  assert artifact.statusCode() == 200: "GET SBOM manifest ${sboms[0].digest}: ${artifact.statusCode()}"
  Map manifest = new JsonSlurper().parse(artifact.body()) as Map
  assert manifest.subject.digest == digest: "the SBOM's subject is ${manifest.subject.digest}, not the image ${digest}"
  assert manifest.artifactType == 'application/vnd.cyclonedx+json'
  HttpResponse<byte[]> blob = registryGet("${repository}/blobs/${manifest.layers[0].digest}")
  assert blob.statusCode() == 200: "GET SBOM blob ${manifest.layers[0].digest}: ${blob.statusCode()}"
  [manifest: manifest, bytes: blob.body(), json: new JsonSlurper().parse(blob.body()) as Map]
}

/**
 * Checks an SBOM against issue 5: CycloneDX 1.5 or later, the image digest as
 * metadata.component, every Maven coordinate given with a purl and a SHA-256, the base's libc6 as
 * a Debian package and a Java runtime. Returns the components by purl.
 */
Map<String, Map> assertSbomDescribes(Map sbom, String digest, List<String> mavenCoordinates) {
  assert sbom.bomFormat == 'CycloneDX'
  assert (sbom.specVersion as String) in ['1.5', '1.6', '1.7']: "specVersion ${sbom.specVersion}"
  assert sbom.metadata.component.type == 'container'
  assert sbom.metadata.component.version == digest: "metadata.component is ${sbom.metadata.component}"
  Map<String, Map> byPurl = (sbom.components as List<Map>).findAll { it.purl }.collectEntries { [(it.purl): it] }
  for (String coordinates : mavenCoordinates) {
    def (group, artifact, version) = coordinates.tokenize(':')
    Map component = byPurl.find { it.key.startsWith("pkg:maven/${group}/${artifact}@${version}") }?.value
    assert component: "no component pkg:maven/${group}/${artifact}@${version} in ${byPurl.keySet()}"
    File jar = new File(System.getProperty('user.home'), ".m2/repository/${group.replace('.', '/')}/${artifact}/${version}/${artifact}-${version}.jar")
    String sha256 = java.security.MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
    assert component.hashes.find { it.alg == 'SHA-256' }?.content == sha256: "${coordinates}: hashes ${component.hashes}, jar has ${sha256}"
  }
  assert byPurl.keySet().find { it ==~ /pkg:deb\/debian\/libc6@[^?]+\?arch=amd64/ }: "no libc6 in ${byPurl.keySet()}"
  Map jre = (sbom.components as List<Map>).find { it.description == 'Java runtime' }
  assert jre && jre.version ==~ /\d+(\.\d+)*.*/: "no Java runtime with a version in ${sbom.components*.name}"
  byPurl
}

/**
 * A fixture base with a shell, as distroless :debug tags have: the java17 test base plus the
 * host's dash at /bin/sh (through the base's /bin -> usr/bin link), built with podman build
 * (COPY needs no shell in the image) and pushed. Returns its reference.
 */
String baseWithShell() {
  String fixture = "${registry}/it/fixtures/java17-with-shell:1"
  File context = Files.createTempDirectory('shell-fixture').toFile()
  try {
    Files.copy(new File('/usr/bin/dash').toPath(), new File(context, 'sh').toPath())
    new File(context, 'Containerfile').text = """\
FROM ${registry}/distroless/java17-debian13:nonroot
COPY --chmod=0755 sh /bin/sh
"""
    run(['podman', 'build', '--quiet', '--tls-verify=false', '-t', fixture, context.path], [:], 300)
    run(['podman', 'push', '--quiet', '--tls-verify=false', fixture], [:], 300)
  } finally {
    context.deleteDir()
  }
  fixture
}

/** The digest the registry serves for a tag, as skopeo (an independent client) reads it. */
String registryDigest(String repository, String tag) {
  Map inspect = new JsonSlurper().parseText(run(['skopeo', 'inspect', '--tls-verify=false', "docker://${ref(repository)}:${tag}"])) as Map
  inspect.Digest
}

/**
 * Pulls registryHost/repository@digest with skopeo (an independent client, which checks every
 * blob against its digest) into the folder {@code into}, emptied first; fails unless the
 * image came whole.
 */
void pullWhole(String repository, String digest, File into, String registryHost = registry) {
  into.deleteDir()
  run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false',
      "docker://${registryHost}/${repository}@${digest}", "dir:${into.path}"], [:], 300)
  assert new File(into, 'manifest.json').file: "skopeo pulled no manifest of ${repository}@${digest}"
}

/** The manifest or index a reference names, as the registry serves it, read by skopeo. */
Map rawManifest(String imageReference) {
  new JsonSlurper().parseText(run(['skopeo', 'inspect', '--tls-verify=false', '--raw', "docker://${imageReference}"])) as Map
}

/** The image config's "config" object (User, Entrypoint, Cmd, Env, Labels, ...), read by skopeo. */
Map imageConfig(String imageReference) {
  Map config = new JsonSlurper().parseText(run(['skopeo', 'inspect', '--tls-verify=false', '--config', "docker://${imageReference}"])) as Map
  config.config as Map
}

/**
 * One layer's entries as GNU tar lists them: [mode: '-rw-r--r--', uid, gid, size, time, name].
 * Names are normalised to absolute image paths without a trailing slash.
 */
List<Map> layerEntries(String repository, String digest) {
  HttpResponse<byte[]> blob = registryGet("${repository}/blobs/${digest}")
  assert blob.statusCode() == 200: "GET blob ${digest}: ${blob.statusCode()}"
  File file = Files.createTempFile('layer-', '.tar.gz').toFile()
  try {
    file.bytes = blob.body()
    String listing = run(['tar', '--numeric-owner', '--full-time', '-tvzf', file.path], [TZ: 'UTC'])
    listing.readLines().findAll { it }.collect { String line ->
      def match = line =~ /^(\S{10})\s+(\d+)\/(\d+)\s+(\d+)\s+(\S+ \S+)\s+(.+?)(?: -> .*)?$/
      assert match.matches(): "unexpected tar listing line: ${line}"
      String name = '/' + match.group(6).replaceFirst(/^\.?\//, '').replaceFirst(/\/$/, '')
      [mode: match.group(1), uid: match.group(2) as int, gid: match.group(3) as int,
       size: match.group(4) as long, time: match.group(5), name: name]
    }
  } finally {
    file.delete()
  }
}

/**
 * The image's own layers, each as its tar entries: the manifest's layers after the base's, which
 * must come first and unchanged.
 */
List<List<Map>> appLayers(String repository, String reference, String baseRepository, String baseTag) {
  List<String> layers = manifest(repository, reference).layers*.digest
  List<String> baseLayers = manifest(baseRepository, baseTag).layers*.digest
  assert layers.take(baseLayers.size()) == baseLayers: 'the image does not start with the base\'s layers'
  layers.drop(baseLayers.size()).collect { layerEntries(repository, it) }
}

/** Checks what every file the plugin adds must be: owned by root, not writable by the runtime user. */
void assertRootOwnedReadOnly(List<Map> entries) {
  entries.each { Map entry ->
    assert [entry.uid, entry.gid] == [0, 0]: "${entry.name} is owned by ${entry.uid}:${entry.gid}"
    String expected = entry.mode.startsWith('d') ? 'drwxr-xr-x' : '-rw-r--r--'
    assert entry.mode == expected: "${entry.name} has mode ${entry.mode}"
  }
}

// ---------------------------------------------------------------------------------------------
// podman

/**
 * Runs an image to completion (for another platform, under emulation: see arm64Emulation());
 * returns its stdout. Removes the pulled image afterwards.
 */
String podmanRun(String imageReference, List<String> args = [], String platform = null,
    Map<String, String> environment = [:]) {
  try {
    run(['podman', 'run', '--rm', '--tls-verify=false'] + (platform ? ['--platform', platform] : [])
        + environment.collectMany { name, value -> ['-e', "${name}=${value}".toString()] }
        + [imageReference] + args, [:], 180)
  } finally {
    removeImage(imageReference)
  }
}

/**
 * Why arm64 images cannot run on this machine, or null when they can (it/env/setup.sh registers
 * qemu's emulator with binfmt_misc where the kernel lets it).
 */
String arm64Emulation() {
  if (System.getProperty('os.arch') in ['aarch64', 'arm64'] || new File('/proc/sys/fs/binfmt_misc/qemu-aarch64').exists()) {
    return null
  }
  'no qemu-aarch64 handler in /proc/sys/fs/binfmt_misc (see it/env/README.md, Emulation)'
}

void removeImage(String imageReference) {
  exec(['podman', 'rmi', '--force', imageReference])
}

int freePort() {
  new ServerSocket(0, 0, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
}

/**
 * Starts the image detached with containerPort published on a free loopback port, passes
 * the base URL to body, and always removes the container and the image.
 */
def withServer(String imageReference, int containerPort, Closure body) {
  int port = freePort()
  String container = run(['podman', 'run', '-d', '--tls-verify=false', '-p', "127.0.0.1:${port}:${containerPort}", imageReference], [:], 180).trim()
  try {
    body("http://127.0.0.1:${port}")
  } catch (Throwable failure) {
    println "--- container log\n" + exec(['podman', 'logs', container]).with { it.out + it.err }
    throw failure
  } finally {
    exec(['podman', 'rm', '--force', container])
    removeImage(imageReference)
  }
}

/** GETs url until it answers (any status), for up to timeoutSeconds; returns [status, body]. */
Map httpGet(String url, long timeoutSeconds = 30) {
  HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
  long deadline = System.nanoTime() + SECONDS.toNanos(timeoutSeconds)
  Exception last = null
  while (System.nanoTime() < deadline) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString())
      return [status: response.statusCode(), body: response.body()]
    } catch (IOException e) {
      last = e
      Thread.sleep(250)
    }
  }
  throw new AssertionError("${url} did not answer within ${timeoutSeconds} s: ${last}")
}

// ---------------------------------------------------------------------------------------------
// The registry proxy (it/env/lib/registry_proxy.py): the registry, failing when told to

HttpResponse<String> proxyControl(String method, String query, String json = null) {
  HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://${registryProxy}/_faults${query}"))
      .timeout(Duration.ofSeconds(10))
  request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
  HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
  assert response.statusCode() == 200: "${method} /_faults${query}: ${response.statusCode()} ${response.body()}"
  response
}

/**
 * Makes the proxy fail requests (keys as registry_proxy.py documents them: path, method, status,
 * times, seconds, retryAfter, action, afterBytes), or only count them (action: 'count'). Scope
 * path by the scenario's repository.
 */
void addFault(Map rule) {
  proxyControl('POST', '', groovy.json.JsonOutput.toJson(rule))
}

/** Removes the rules whose path is exactly this one. */
void clearFaults(String path) {
  proxyControl('DELETE', "?path=${URLEncoder.encode(path, 'UTF-8')}")
}

/** How many requests the rules with this path have failed so far. */
int faultHits(String path) {
  faultCounts(path).hits
}

/**
 * How many requests the rules with this path failed, the rules removed in any case: the
 * proxy is shared, and a scenario's rules must not outlive it.
 */
int takeFaultHits(String path) {
  try {
    faultHits(path)
  } finally {
    clearFaults(path)
  }
}

/** For the rules with this path: [hits: requests failed, passed: requests a proxyAuth let by]. */
Map faultCounts(String path) {
  List<Map> rules = (new JsonSlurper().parseText(proxyControl('GET', '').body()) as List<Map>)
      .findAll { it.path == path }
  [hits: rules.sum(0) { it.hits as int }, passed: rules.sum(0) { (it.passed ?: 0) as int }]
}

return this
