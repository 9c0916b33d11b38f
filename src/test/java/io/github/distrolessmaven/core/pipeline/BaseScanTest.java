package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CachedLayer;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.DebianPackage;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.fixtures.TestLayer;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.state.BaseContentsMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a registry base holds, read while its layers are pulled into jib-core's cache, where the
 * build then finds them; remembered, so that a base is read once.
 */
class BaseScanTest {

  private static final byte[] LAYER = new TestLayer()
      .dir("bin")
      .file("bin/sh", "#!/bin/busybox")
      .file("var/lib/dpkg/status.d/libc6",
          "Package: libc6\nVersion: 2.41-12\nArchitecture: amd64\nSource: glibc\n")
      .tar();

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry registry;
  private Registries registries;
  private ImageReference base;
  private Path cache;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    registries = FakeRegistry.registries(dir.resolve("plain-http.properties"), registry);
    base = ImageReference.parse(registry.host() + "/base/java:17");
    cache = dir.resolve("base-layers");
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  /** A scan with its own memory of what bases hold. */
  private BaseContents scan(String digest, String memory, boolean offline) throws Exception {
    return scan(digest, Platform.LINUX_AMD64, memory, offline);
  }

  private BaseContents scan(String digest, Platform platform, String memory, boolean offline)
      throws Exception {
    return new BaseScan(cache, new BaseContentsMemory(dir.resolve(memory)), log)
        .of(base, digest, platform, List.of(registry.host()), registries, offline);
  }

  private long requestsFor(String request) {
    return registry.requests().stream().filter(request::equals).count();
  }

  @Test
  void aRegistryBasesLayerIsPulledOnceIntoJibCoresCacheAndRead() throws Exception {
    Image image = Image.withLayer("amd64", LAYER);
    String digest = registry.seed("base/java", "17", image);

    BaseContents contents = scan(digest, "contents", false);

    assertEquals(List.of("/bin/sh"), contents.shells());
    assertEquals(List.of("libc6"), contents.packages().stream().map(DebianPackage::name).toList());
    Path layer = cache.resolve("layers").resolve(TestImages.hex(image.layerDigest()))
        .resolve(TestImages.hex(TestImages.sha256(LAYER)));
    assertArrayEquals(image.layer(), Files.readAllBytes(layer), "layers/<digest>/<diff id>");
    CachedLayer cached = Cache.withDirectory(cache)
        .retrieve(DescriptorDigest.fromDigest(image.layerDigest())).orElseThrow();
    assertEquals(TestImages.sha256(LAYER), cached.getDiffId().toString());
    assertEquals(image.layer().length, cached.getSize());
    assertEquals(1, requestsFor("GET /v2/base/java/blobs/" + image.layerDigest()));
    assertEquals(1, requestsFor("GET /v2/base/java/blobs/" + image.configDigest()),
        "the config names the layer's diff id");
    assertTrue(isEmpty(cache.resolve("tmp")), "nothing is left under tmp/");
  }

  @Test
  void aSecondScanOfTheSameDigestAsksTheRegistryNothing() throws Exception {
    String digest = registry.seed("base/java", "17", Image.withLayer("amd64", LAYER));
    BaseContents first = scan(digest, "contents", false);
    registry.clearRequests();

    assertEquals(first, scan(digest, "contents", false));
    assertEquals(first, scan(digest, "contents", true), "and offline too");
    assertEquals(List.of(), registry.requests());
  }

  @Test
  void aLayerAlreadyInTheCacheIsReadFromThereAndNotPulledAgain() throws Exception {
    Image image = Image.withLayer("amd64", LAYER);
    String digest = registry.seed("base/java", "17", image);
    BaseContents first = scan(digest, "contents", false);
    registry.clearRequests();

    // Another memory of bases (another machine's, a cleared one): only the layer cache helps.
    assertEquals(first, scan(digest, "other-contents", false));
    assertEquals(List.of("GET /v2/base/java/manifests/" + digest,
        "GET /v2/base/java/blobs/" + image.configDigest()), registry.requests(),
        "the manifest, and the config for the platform it names; no layer");
  }

  /** An index of {@code first} and {@code second} (each with its platform), in that order. */
  private String seedIndex(String firstArch, Image first, String secondArch, Image second)
      throws Exception {
    Map<String, Image> platforms = new LinkedHashMap<>();
    platforms.put(firstArch, first);
    platforms.put(secondArch, second);
    return registry.seedIndex("base/java", "17", platforms);
  }

  @Test
  void anIndexPicksTheLinuxAmd64Image() throws Exception {
    Image arm = Image.withLayer("arm64", new TestLayer().file("bin/bash", "arm").tar());
    Image amd = Image.withLayer("amd64", LAYER);
    String index = seedIndex("arm64", arm, "amd64", amd);

    BaseContents contents = scan(index, "contents", false);

    assertEquals(List.of("/bin/sh"), contents.shells(), "the amd64 image's, not the arm64's");
    assertEquals(1, requestsFor("GET /v2/base/java/manifests/" + amd.manifestDigest()));
    assertEquals(0, requestsFor("GET /v2/base/java/manifests/" + arm.manifestDigest()));
    assertEquals(0, requestsFor("GET /v2/base/java/blobs/" + arm.layerDigest()));
    assertTrue(Cache.withDirectory(cache)
        .retrieve(DescriptorDigest.fromDigest(amd.layerDigest())).isPresent());
  }

  @Test
  void anIndexGivesTheImageOfTheRequestedPlatformRememberedApart() throws Exception {
    Image arm = Image.withLayer("arm64", new TestLayer().file("bin/bash", "arm").tar());
    String index = seedIndex("amd64", Image.withLayer("amd64", LAYER), "arm64", arm);

    BaseContents onAmd = scan(index, "contents", false);
    BaseContents onArm = scan(index, Platform.of("linux", "arm64", "v8"), "contents", false);

    assertEquals(List.of("/bin/sh"), onAmd.shells());
    assertEquals(List.of("/bin/bash"), onArm.shells(), "the arm64 image's");
    assertEquals(1, requestsFor("GET /v2/base/java/manifests/" + arm.manifestDigest()));
    registry.clearRequests();
    assertEquals(onArm, scan(index, Platform.of("linux", "arm64"), "contents", true),
        "remembered for its platform, offline too");
    assertEquals(List.of(), registry.requests());
  }

  @Test
  void anIndexWithoutTheRequestedPlatformIsRefusedNamingWhatItHas() throws Exception {
    String index = seedIndex("amd64", Image.withLayer("amd64", LAYER),
        "arm64", Image.withLayer("arm64", LAYER));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> scan(index, Platform.of("linux", "s390x"), "contents", false));

    assertEquals(Setting.FROM_PLATFORMS, e.setting());
    assertTrue(e.getMessage().contains("has images for linux/amd64, linux/arm64, none for"
        + " linux/s390x"), e.getMessage());
    assertTrue(isEmpty(dir.resolve("contents")), "nothing is remembered");
  }

  @Test
  void aSinglePlatformBaseOfAnotherArchitectureIsRefused() throws Exception {
    Image image = Image.withLayer("amd64", LAYER);
    String digest = registry.seed("base/java", "17", image);

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> scan(digest, Platform.of("linux", "arm64"), "contents", false));

    assertTrue(e.getMessage().contains("is an image for linux/amd64 alone, not an index with a"
        + " linux/arm64 image"), e.getMessage());
    assertEquals(0, requestsFor("GET /v2/base/java/blobs/" + image.layerDigest()),
        "no layer is pulled");
  }

  @Test
  void aBaseWhoseLayerTheRegistryLacksFailsNamingTheBase() throws Exception {
    Image image = Image.withLayer("amd64", LAYER);
    String digest = registry.seed("base/java", "17", image);
    registry.deleteBlob("base/java", image.layerDigest());

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> scan(digest, "contents", false));

    assertTrue(e.getMessage().startsWith("Cannot read the layers of the base " + registry.host()
        + "/base/java@" + digest + " from any registry: " + registry.host() + ": "),
        e.getMessage());
    assertTrue(e.getMessage().contains("404"), e.getMessage());
    assertFalse(Cache.withDirectory(cache)
        .retrieve(DescriptorDigest.fromDigest(image.layerDigest())).isPresent());
    assertTrue(isEmpty(cache.resolve("tmp")), "nothing is left under tmp/");
    assertTrue(isEmpty(dir.resolve("contents")), "nothing is remembered of a base not read");
  }

  @Test
  void offlineABaseNeverReadFailsWithoutAskingTheRegistry() throws Exception {
    String digest = registry.seed("base/java", "17", Image.withLayer("amd64", LAYER));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> scan(digest, "contents", true));

    assertTrue(e.getMessage().contains("has not been read before, and the build is offline"),
        e.getMessage());
    assertEquals(List.of(), registry.requests());
  }

  private static boolean isEmpty(Path directory) throws Exception {
    if (!Files.isDirectory(directory)) {
      return true;
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children.findAny().isEmpty();
    }
  }
}
