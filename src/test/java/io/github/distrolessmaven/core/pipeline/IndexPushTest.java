package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.archive.OciArchive;
import io.github.distrolessmaven.core.archive.TarEntries;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages.Layout;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.fixtures.TestLayer;
import io.github.distrolessmaven.core.jib.SiblingImage;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.push.ImageUpload;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.StateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A build for two platforms, pushed as an image index: each platform's image on the base's
 * image for it, the application's layers shared, the index under every tag. The base is an OCI
 * layout holding an index, prepared per platform (a registry base, read per platform by jib-core
 * itself, is shown by the scenario {@code it/scenarios/multi-platform-index}).
 */
class IndexPushTest {

  private static final List<Platform> TWO =
      List.of(Platform.LINUX_AMD64, Platform.of("linux", "arm64", "v8"));

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry registry;
  private final Map<String, Image> bases = new LinkedHashMap<>();
  private Path layout;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    for (String arch : List.of("amd64", "arm64")) {
      bases.put(arch, Image.withLayer(arch, new TestLayer()
          .executable("usr/bin/java", "java for " + arch).file("etc/arch", arch).tar()));
    }
    layout = new Layout().addIndex(bases, "17").writeDirectory(dir.resolve("base"));
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private ImageSpec spec(ImageFormat format, List<Platform> platforms, String project)
      throws Exception {
    return spec("oci://" + layout + ":17", format, platforms, project);
  }

  private ImageSpec spec(String base, ImageFormat format, List<Platform> platforms,
      String project) throws Exception {
    Path root = dir.resolve(project);
    ImageContent content = TestSpecs.content(base,
        registry.host() + "/team/app:1", List.of("2"), Map.of(), TestSpecs.layers(root),
        List.of(), format, platforms);
    ImageSpec spec = TestSpecs.spec(content, root, Map.of(), false);
    // The fake registry speaks plain HTTP: remembered so, as a first build would learn it.
    FakeRegistry.registries(new StateFiles(spec.storage()).plainHttpRegistries(), registry);
    return spec;
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void eachPlatformsImageIsOnItsBaseAndTheIndexGoesUnderEveryTag(ImageFormat format)
      throws Exception {
    BuiltImage built = new ImageBuilder(log).build(spec(format, TWO, "a"), Destination.REGISTRY);

    FakeRegistry.Manifest index = registry.manifest("team/app", "1").orElseThrow();
    assertEquals(built.digest(), index.digest());
    assertEquals(built.digest(), registry.manifest("team/app", "2").orElseThrow().digest());
    String indexType = format == ImageFormat.OCI
        ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST;
    assertEquals(indexType, index.mediaType());
    JsonNode tree = TestImages.JSON.readTree(index.bytes());
    assertEquals(indexType, tree.path("mediaType").asText());
    assertEquals(2, tree.path("manifests").size());
    List<List<String>> appLayers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonNode entry = tree.path("manifests").get(i);
      String arch = i == 0 ? "amd64" : "arm64";
      assertEquals(arch, entry.path("platform").path("architecture").asText());
      assertEquals("linux", entry.path("platform").path("os").asText());
      assertEquals(i == 0 ? "" : "v8", entry.path("platform").path("variant").asText());
      assertEquals(built.platforms().get(i).digest(), entry.path("digest").asText());
      JsonNode manifest = TestImages.JSON.readTree(registry.manifest("team/app",
          entry.path("digest").asText()).orElseThrow().bytes());
      assertEquals(format == ImageFormat.OCI ? MediaTypes.OCI_MANIFEST
          : MediaTypes.DOCKER_MANIFEST, entry.path("mediaType").asText());
      JsonNode config = TestImages.JSON.readTree(registry.blob("team/app",
          manifest.path("config").path("digest").asText()).orElseThrow());
      assertEquals(arch, config.path("architecture").asText());
      assertEquals(i == 0 ? "" : "v8", config.path("variant").asText(),
          "the config names the variant, as the index does");
      List<String> layers = new ArrayList<>();
      manifest.path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
      assertEquals(bases.get(arch).layerDigest(), layers.get(0), "on the base's " + arch + " image");
      appLayers.add(layers.subList(1, layers.size()));
    }
    assertEquals(appLayers.get(0), appLayers.get(1), "the application's layers are shared");
    for (String layer : appLayers.get(0)) {
      assertEquals(1, uploadsOf(layer), "sent once, though both platforms' images were pushed"
          + " side by side: " + registry.requests());
    }
    assertNotEquals(built.platforms().get(0).digest(), built.platforms().get(1).digest());
    assertEquals(List.of("linux/amd64", "linux/arm64/v8"),
        built.platforms().stream().map(BuiltImage.PlatformImage::platform).toList());
  }

  /**
   * Another platform's image derived from the first's ({@link SiblingImage}, as a push from a
   * registry base derives it) is byte for byte what jib-core builds for that platform alone: on
   * bases without a history (jib-core describes their layers itself) and with one. Bases that
   * differ in more than their platform (here an environment variable) are not derived from.
   *
   * <p>The bases here are docker-archives at one path, so that the two builds' labels agree as
   * a registry base's do; jib-core compresses such a base's layers itself, so the bases are
   * described by the layers its images hold.
   */
  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void anotherPlatformsImageIsDerivedFromTheFirstsAsJibCoreBuildsIt(ImageFormat format)
      throws Exception {
    Map<String, Image> described = new LinkedHashMap<>();
    for (Map.Entry<String, Image> base : bases.entrySet()) {
      described.put(base.getKey(), base.getValue().withConfig(config -> {
        config.putArray("history").addObject().put("created", "2024-01-01T00:00:00Z")
            .put("created_by", "COPY java /usr/bin/java").put("comment", base.getKey());
        config.withArray("history").addObject().put("created_by", "ENV A=1")
            .put("empty_layer", true);
      }));
    }
    Map<String, Image> differing = new LinkedHashMap<>(bases);
    differing.put("arm64", bases.get("arm64").withConfig(config ->
        config.withObject("/config").withArray("Env").add("ONLY_ON_ARM=1")));
    Path base = dir.resolve("base.tar");
    int n = 0;
    for (Map<String, Image> images : List.of(bases, described, differing)) {
      n++;
      TestImages.dockerArchive(base, Map.of("base:17", images.get("amd64")));
      ImageSpec amd64 = spec("tar://" + base, format, List.of(TWO.get(0)), "amd64-" + n);
      new ImageBuilder(log).build(amd64, Destination.TAR);
      TestImages.dockerArchive(base, Map.of("base:17", images.get("arm64")));
      ImageSpec arm64 = spec("tar://" + base, format, List.of(TWO.get(1)), "arm64-" + n);
      String expected = new ImageBuilder(log).build(arm64, Destination.TAR).digest();

      try (OciArchive built = OciArchive.open(amd64.outputs().tar(), Optional.empty());
          OciArchive alone = OciArchive.open(arm64.outputs().tar(), Optional.empty())) {
        // The bases as jib-core read them: their configs, and the layers it compressed.
        SiblingImage.Base builtBase = new SiblingImage.Base(ImageManifest.parse(
            built.manifestBytes(), "amd64").layers().subList(0, 1), images.get("amd64").config());
        ArchivedImage.Blob armLayer = alone.blobs().get(1);
        SiblingImage.Base armBase = new SiblingImage.Base(ImageManifest.parse(
            alone.manifestBytes(), "arm64").layers().subList(0, 1), images.get("arm64").config());
        Path cache = dir.resolve("cache-" + n);
        Path layer = cache.resolve("layers").resolve(TestImages.hex(armLayer.digest()))
            .resolve(TestImages.hex(TestImages.sha256(images.get("arm64").layerTar())));
        Files.createDirectories(layer.getParent());
        try (InputStream in = alone.open(armLayer)) {
          Files.copy(in, layer);
        }
        if (images == differing) {
          assertThrows(SiblingImage.NotDerivable.class, () ->
              SiblingImage.derive(built, builtBase, armBase, TWO.get(1), cache));
          continue;
        }

        SiblingImage derived = SiblingImage.derive(built, builtBase, armBase, TWO.get(1), cache);

        assertEquals(expected, derived.manifestDigest(), new String(derived.manifestBytes(),
            StandardCharsets.UTF_8));
        for (ArchivedImage.Blob blob : derived.blobs()) {
          try (InputStream in = derived.open(blob)) {
            assertEquals(blob.digest(), TestImages.sha256(in.readAllBytes()), blob.role());
          }
        }
      }
    }
  }

  @Test
  void theIndexDigestIsTheSameForTheSameInputs() throws Exception {
    String first =
        new ImageBuilder(log).build(spec(ImageFormat.OCI, TWO, "a"), Destination.REGISTRY).digest();
    String second =
        new ImageBuilder(log).build(spec(ImageFormat.OCI, TWO, "b"), Destination.REGISTRY).digest();

    assertEquals(first, second, "two clean projects, one index");
  }

  @Test
  void anArchiveOfTwoPlatformsHoldsTheIndexAPushStoresAndPushesWithItsDigest()
      throws Exception {
    String pushed = new ImageBuilder(log)
        .build(spec(ImageFormat.OCI, TWO, "a"), Destination.REGISTRY).digest();
    ImageSpec tarSpec = spec(ImageFormat.OCI, TWO, "b");

    BuiltImage written = new ImageBuilder(log).build(tarSpec, Destination.TAR);

    assertEquals(pushed, written.digest(), "the archive's index is the pushed one");
    List<String> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(
        Files.newInputStream(tarSpec.outputs().tar()))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry.getName());
      }
    }
    assertEquals(entries.size(), new HashSet<>(entries).size(), "each entry once: " + entries);
    try (OciArchive archive = OciArchive.open(tarSpec.outputs().tar(), Optional.empty())) {
      assertEquals(pushed, archive.manifestDigest());
      assertEquals(MediaTypes.OCI_INDEX, archive.manifestMediaType());
      assertEquals(2, archive.platformImages().size());
      for (int i = 0; i < 2; i++) {
        OciArchive image = archive.platformImages().get(i);
        assertEquals(written.platforms().get(i).digest(), image.manifestDigest());
        assertEquals(written.platforms().get(i).platform(),
            image.platform().orElseThrow().toString(), "the index names its platform");
        assertEquals(1, image.referrers().size(), "each platform's SBOM");
      }
      assertEquals(Platform.host().matches(Platform.of("linux", "arm64")) ? 1 : 0,
          loadedImage(tarSpec, archive), "docker load takes this machine's platform");

      RegistryClient copy = FakeRegistry.registries(dir.resolve("copy-http"), registry)
          .push(registry.host(), "team/copy", Optional.empty());
      new ImageUpload(copy, log).push(archive, ImageReference.parse(registry.host()
          + "/team/copy:1"), List.of("1"), Optional.empty());
    }
    assertEquals(pushed, registry.manifest("team/copy", "1").orElseThrow().digest());
    for (BuiltImage.PlatformImage image : written.platforms()) {
      assertTrue(registry.manifest("team/copy", image.digest()).isPresent());
    }
  }

  @Test
  void theLoadPlatformChoosesWhatDockerLoadTakes() throws Exception {
    ImageSpec chosen = spec(ImageFormat.DOCKER, TWO, "a");
    ImageSpec spec = new ImageSpec(chosen.content(), chosen.registries(), chosen.storage(),
        chosen.outputs(), Optional.of(Platform.of("linux", "arm64", "v8")));

    new ImageBuilder(log).build(spec, Destination.TAR);

    try (OciArchive archive = OciArchive.open(spec.outputs().tar(), Optional.empty())) {
      assertEquals(MediaTypes.DOCKER_MANIFEST_LIST, archive.manifestMediaType());
      assertEquals(1, loadedImage(spec, archive));
    }
  }

  /** Which of the archive's platform images manifest.json names, by its config. */
  private static int loadedImage(ImageSpec spec, OciArchive archive) throws Exception {
    JsonNode loaded;
    try (TarEntries tar = TarEntries.open(spec.outputs().tar())) {
      loaded = TestImages.JSON.readTree(tar.read("manifest.json", "manifest", 1 << 20));
    }
    String config = loaded.get(0).path("Config").asText();
    for (int i = 0; i < archive.platformImages().size(); i++) {
      if (config.endsWith(archive.platformImages().get(i).blobs().get(0).digest().substring(7))) {
        return i;
      }
    }
    throw new AssertionError("manifest.json names no platform's config: " + config);
  }

  @Test
  void aRebuildOfTheSameInputsIsUpToDateWhileEveryPlatformsImageIsWhole() throws Exception {
    BuiltImage first =
        new ImageBuilder(log).build(spec(ImageFormat.OCI, TWO, "a"), Destination.REGISTRY);
    registry.clearRequests();

    BuiltImage again =
        new ImageBuilder(log).build(spec(ImageFormat.OCI, TWO, "a"), Destination.REGISTRY);

    assertTrue(again.upToDate());
    assertEquals(first.digest(), again.digest());
    assertEquals(first.platforms(), again.platforms(), "remembered per platform");
    assertTrue(registry.requests().stream().noneMatch(request -> request.startsWith("PUT")),
        registry.requests().toString());

    // A garbage-collected blob of one platform's image: built and pushed again.
    JsonNode arm = TestImages.JSON.readTree(registry.manifest("team/app",
        first.platforms().get(1).digest()).orElseThrow().bytes());
    registry.deleteBlob("team/app", arm.path("config").path("digest").asText());
    BuiltImage rebuilt =
        new ImageBuilder(log).build(spec(ImageFormat.OCI, TWO, "a"), Destination.REGISTRY);
    assertTrue(!rebuilt.upToDate());
    assertEquals(first.digest(), rebuilt.digest());
    assertTrue(registry.blob("team/app", arm.path("config").path("digest").asText()).isPresent());
  }

  @Test
  void aChangedClassIsSwappedIntoEachPlatformsImageAsAFullBuildWouldPushIt() throws Exception {
    BuiltImage first =
        new ImageBuilder(log).build(spec(ImageFormat.DOCKER, TWO, "a"), Destination.REGISTRY);
    Files.write(dir.resolve("a/app/App.class"), new byte[] {(byte) 0xca, (byte) 0xfe, 2});
    int before = log.lines().size();
    registry.clearRequests();

    BuiltImage changed =
        new ImageBuilder(log).build(spec(ImageFormat.DOCKER, TWO, "a"), Destination.REGISTRY);

    List<String> rebuild = log.lines().subList(before, log.lines().size());
    assertEquals(2, rebuild.stream()
        .filter(line -> line.contains("Pushed only the changed classes layer")).count(),
        rebuild.toString());
    assertTrue(rebuild.stream().noneMatch(line -> line.contains("Building for")));
    List<String> newLayers = layersOf(changed.platforms().get(0).digest());
    newLayers.removeAll(layersOf(first.platforms().get(0).digest()));
    assertEquals(1, newLayers.size(), newLayers.toString());
    assertEquals(1, uploadsOf(newLayers.get(0)), "the changed layer, shared, is sent once: "
        + registry.requests());
    // The same inputs in a fresh project, built in full by jib-core: the same index.
    Files.createDirectories(dir.resolve("b/app"));
    Files.write(dir.resolve("b/app/App.class"), new byte[] {(byte) 0xca, (byte) 0xfe, 2});
    registry.deleteTag("team/app", "1");
    BuiltImage full =
        new ImageBuilder(log).build(spec(ImageFormat.DOCKER, TWO, "b"), Destination.REGISTRY);
    assertEquals(full.digest(), changed.digest());
    assertEquals(full.platforms(), changed.platforms());
  }

  @Test
  void aPlatformTheBaseLacksStopsTheBuildBeforeAnythingIsPushed() throws Exception {
    ImageSpec spec = spec(ImageFormat.OCI,
        List.of(Platform.LINUX_AMD64, Platform.of("linux", "s390x")), "a");

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new ImageBuilder(log).build(spec, Destination.REGISTRY));

    assertTrue(e.getMessage().contains("only for linux/amd64, linux/arm64, none for linux/s390x"),
        e.getMessage());
    assertTrue(registry.manifest("team/app", "1").isEmpty());
  }

  /** The layer digests of the manifest {@code digest} in team/app. */
  private List<String> layersOf(String digest) throws IOException {
    List<String> layers = new ArrayList<>();
    TestImages.JSON.readTree(registry.manifest("team/app", digest).orElseThrow().bytes())
        .path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
    return layers;
  }

  /** How many uploads of the blob {@code digest} the registry took. */
  private long uploadsOf(String digest) {
    String hex = digest.substring("sha256:".length());
    return registry.requests().stream().filter(request -> request.startsWith("PUT ")
        && request.contains("/blobs/uploads/") && request.contains(hex)).count();
  }
}
