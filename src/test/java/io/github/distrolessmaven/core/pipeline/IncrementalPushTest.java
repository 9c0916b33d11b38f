package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.fixtures.TestLayer;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.state.LastBuild;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental push: the last push's manifest and config, read back, with the changed layers
 * swapped in, give what building those documents anew gives; only what the registry lacks is
 * sent; anything unexpected leaves the build to jib-core. And its guard: JSON is edited only
 * where writing it back gives the registry's bytes unchanged. {@code
 * it/incremental-push-matches-full-build} shows the push against jib-core's.
 */
class IncrementalPushTest {

  private static final String REPOSITORY = "team/app";
  private static final List<String> TAGS = List.of("1", "latest");

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry registry;
  private RegistryClient client;

  /** A layer: its compressed bytes, digest, diff id. */
  private record Layer(String name, byte[] tar, byte[] gzip) {
    static Layer of(String name, String file, String content) {
      TestLayer layer = new TestLayer().file(file, content);
      return new Layer(name, layer.tar(), layer.gzip());
    }

    String digest() {
      return Sha256.of(gzip);
    }

    String diffId() {
      return Sha256.of(tar);
    }
  }

  /** An image's config and manifest, as Jackson writes them. */
  private record Documents(byte[] config, byte[] manifest) {
    String digest() {
      return Sha256.of(manifest);
    }
  }

  private final Layer base = Layer.of("base", "etc/os-release", "ID=debian\n");
  private final Layer dependencies = Layer.of("dependencies", "app/libs/lib.jar", "lib 1.0");
  private final Layer classes = Layer.of("classes", "app/classes/App.class", "version 1");
  private final Layer changedClasses = Layer.of("classes", "app/classes/App.class", "version 2");

  /** The config and manifest of the image of {@code layers}, built from nothing. */
  private static Documents documents(Layer... layers) throws Exception {
    ObjectNode config = TestImages.JSON.createObjectNode();
    config.put("created", "2026-01-02T03:04:05Z");
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.putObject("config").putArray("Entrypoint").add("/usr/bin/java").add("App");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    ObjectNode manifest = TestImages.JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.DOCKER_MANIFEST);
    ObjectNode configDescriptor = manifest.putObject("config");
    ArrayNode layerDescriptors = manifest.putArray("layers");
    for (Layer layer : layers) {
      diffIds.add(layer.diffId());
      layerDescriptors.add(
          TestImages.descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", layer.gzip()));
    }
    byte[] configBytes = TestImages.JSON.writeValueAsBytes(config);
    configDescriptor.setAll(TestImages.descriptor(MediaTypes.DOCKER_CONFIG, configBytes));
    return new Documents(configBytes, TestImages.JSON.writeValueAsBytes(manifest));
  }

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    client = FakeRegistry.registries(dir.resolve("plain-http.properties"), registry)
        .push(registry.host(), REPOSITORY);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  /** Pushes the image of {@code layers} under every tag, as a last push; its record. */
  private LastBuild.Push lastPush(Layer... layers) throws Exception {
    Documents last = documents(layers);
    for (Layer layer : layers) {
      registry.putBlob(REPOSITORY, layer.gzip());
    }
    registry.putBlob(REPOSITORY, last.config());
    for (String tag : TAGS) {
      registry.putManifest(REPOSITORY, tag, last.manifest(), MediaTypes.DOCKER_MANIFEST);
    }
    registry.clearRequests();
    return new LastBuild.Push(last.digest(), List.of(recorded(dependencies), recorded(classes)));
  }

  private static LastBuild.Layer recorded(Layer layer) {
    return new LastBuild.Layer(layer.name(), "sha256:" + "f".repeat(64), layer.digest(),
        layer.diffId(), layer.gzip().length);
  }

  /** The layer as built into the cache; only a changed one's file is ever read. */
  private BuiltLayer built(Layer layer) throws Exception {
    Path file = Files.write(dir.resolve(layer.name() + "-" + layer.digest().substring(7)),
        layer.gzip());
    return new BuiltLayer(layer.name(), layer.digest(), layer.diffId(), layer.gzip().length, file);
  }

  /** The digests of the blobs uploaded, in order. */
  private List<String> uploadedBlobs() {
    return registry.requests().stream()
        .filter(request -> request.startsWith("PUT /v2/team/app/blobs/uploads/"))
        .map(request -> URLDecoder.decode(
            request.replaceFirst(".*[?&]digest=", ""), StandardCharsets.UTF_8))
        .toList();
  }

  private List<String> manifestPuts() {
    return registry.requests().stream()
        .filter(request -> request.startsWith("PUT /v2/team/app/manifests/")).toList();
  }

  private ImageReference target() {
    return ImageReference.parse(registry.host() + "/" + REPOSITORY + ":1");
  }

  @Test
  void aChangedLayerIsSwappedIntoTheLastPushAndOnlyWhatIsMissingIsSent() throws Exception {
    LastBuild.Push last = lastPush(base, dependencies, classes);
    Documents expected = documents(base, dependencies, changedClasses);

    IncrementalPush.Pushed pushed = new IncrementalPush(client, log)
        .push(last, List.of(built(dependencies), built(changedClasses)), target(), TAGS).orElseThrow();

    assertEquals(expected.digest(), pushed.digest(), "as if built anew");
    assertArrayEquals(expected.manifest(), pushed.manifest());
    assertEquals(Sha256.of(expected.config()), pushed.imageId());
    assertArrayEquals(expected.config(),
        registry.blob(REPOSITORY, Sha256.of(expected.config())).orElseThrow());
    for (String tag : TAGS) {
      FakeRegistry.Manifest served = registry.manifest(REPOSITORY, tag).orElseThrow();
      assertArrayEquals(expected.manifest(), served.bytes(), "under " + tag);
      assertEquals(MediaTypes.DOCKER_MANIFEST, served.mediaType());
    }
    assertEquals(List.of(Sha256.of(expected.config()), changedClasses.digest()), uploadedBlobs(),
        "only the new config and the changed layer: " + registry.requests());
    assertEquals(List.of("PUT /v2/team/app/manifests/" + expected.digest(),
        "PUT /v2/team/app/manifests/1", "PUT /v2/team/app/manifests/latest"), manifestPuts(),
        "by digest first, then the tags");
    assertTrue(registry.requests().stream().filter(request -> request.contains(base.digest()))
        .allMatch(request -> request.startsWith("HEAD ")),
        "the layers the last push has are only proved there: " + registry.requests());
    assertTrue(log.has("INFO Pushed only the changed classes layer; the rest is the last push's ("
        + last.digest() + ")"), log.toString());
  }

  @Test
  void nothingChangedPushesTheLastImageAgainByteForByte() throws Exception {
    LastBuild.Push last = lastPush(base, dependencies, classes);

    IncrementalPush.Pushed pushed = new IncrementalPush(client, log)
        .push(last, List.of(built(dependencies), built(classes)), target(), TAGS).orElseThrow();

    assertEquals(last.digest(), pushed.digest());
    assertEquals(List.of(), uploadedBlobs());
    assertTrue(log.has("INFO Pushed the last image again: its layers are unchanged"),
        log.toString());
  }

  @Test
  void aLastPushGoneFromTheRegistryLeavesTheBuildToJibCore() throws Exception {
    LastBuild.Push last = lastPush(base, dependencies, classes);
    registry.deleteManifest(REPOSITORY, last.digest());

    Optional<IncrementalPush.Pushed> pushed = new IncrementalPush(client, log)
        .push(last, List.of(built(dependencies), built(changedClasses)), target(), TAGS);

    assertEquals(Optional.empty(), pushed);
    assertTrue(log.has("INFO Building in full: the last push, " + last.digest()
        + ", is gone from the registry"), log.toString());
    assertEquals(List.of("GET /v2/team/app/manifests/" + last.digest()), registry.requests(),
        "nothing is sent");
  }

  @Test
  void aLastPushOtherThanTheRecordSaysLeavesTheBuildToJibCore() throws Exception {
    LastBuild.Push recorded = lastPush(base, dependencies, classes);
    LastBuild.Push wrong = new LastBuild.Push(recorded.digest(),
        List.of(recorded(dependencies), recorded(changedClasses)));

    Optional<IncrementalPush.Pushed> pushed = new IncrementalPush(client, log)
        .push(wrong, List.of(built(dependencies), built(changedClasses)), target(), TAGS);

    assertEquals(Optional.empty(), pushed);
    assertTrue(log.has("is not as this project's record says"), log.toString());
    assertEquals(List.of(), manifestPuts());
  }

  @Test
  void aBlobOfTheLastPushGoneFromTheRegistryLeavesTheBuildToAFullOne() throws Exception {
    LastBuild.Push last = lastPush(base, dependencies, classes);
    // Garbage-collected since: this build has no copy of the base layer to send.
    registry.deleteBlob(REPOSITORY, base.digest());

    Optional<IncrementalPush.Pushed> pushed = new IncrementalPush(client, log)
        .push(last, List.of(built(dependencies), built(changedClasses)), target(), TAGS);

    assertEquals(Optional.empty(), pushed);
    assertTrue(log.has("INFO Building in full: the blob " + base.digest()
        + " of the last push is gone from the registry"), log.toString());
    assertEquals(List.of(), manifestPuts());
    assertEquals(List.of(), uploadedBlobs());
  }

  @Test
  void aLayerOfOursGoneFromTheRegistryIsSentAgain() throws Exception {
    LastBuild.Push last = lastPush(base, dependencies, classes);
    registry.deleteBlob(REPOSITORY, dependencies.digest());

    new IncrementalPush(client, log)
        .push(last, List.of(built(dependencies), built(classes)), target(), TAGS).orElseThrow();

    assertEquals(List.of(dependencies.digest()), uploadedBlobs());
    assertTrue(registry.blob(REPOSITORY, dependencies.digest()).isPresent());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonAsJibCoreWritesItIsReadForEditing() throws Exception {
    byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution"
        + ".manifest.v2+json\",\"config\":{\"mediaType\":\"c\",\"digest\":\"sha256:1\",\"size\":7},"
        + "\"layers\":[{\"mediaType\":\"l\",\"digest\":\"sha256:2\",\"size\":8}]}");
    assertEquals(7, IncrementalPush.readExactly(manifest, Sha256.of(manifest)).orElseThrow()
        .path("config").path("size").asInt());
  }

  @Test
  void jsonThatWouldComeBackOtherwiseIsLeftAlone() throws Exception {
    byte[] spaced = utf8("{\"schemaVersion\": 2}");
    assertTrue(IncrementalPush.readExactly(spaced, Sha256.of(spaced)).isEmpty(), "whitespace");
    byte[] escaped = utf8("{\"label\":\"\\u003c\"}");
    assertTrue(IncrementalPush.readExactly(escaped, Sha256.of(escaped)).isEmpty(), "Go's escapes");
    byte[] array = utf8("[]");
    assertTrue(IncrementalPush.readExactly(array, Sha256.of(array)).isEmpty(), "not an object");
  }

  @Test
  void bytesThatAreNotTheDigestAreLeftAlone() throws Exception {
    byte[] manifest = utf8("{\"schemaVersion\":2}");
    assertTrue(IncrementalPush.readExactly(manifest, "sha256:" + "0".repeat(64)).isEmpty());
  }
}
