package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.StateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base settled first: a tag resolved to a digest, mirrors first, or a file prepared. */
class BaseResolutionTest {

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry origin;
  private FakeRegistry mirror;
  private Image image;

  @BeforeEach
  void start() throws Exception {
    origin = new FakeRegistry();
    mirror = new FakeRegistry();
    image = Image.of("amd64", "base");
  }

  @AfterEach
  void stop() {
    origin.close();
    mirror.close();
  }

  private String base(String qualifier) {
    return origin.host() + "/base/java" + qualifier;
  }

  private ImageSpec spec(String base, boolean offline, String... mirrors) throws Exception {
    return TestSpecs.spec(TestSpecs.content(dir, base, "registry.example/team/app:1"), dir,
        mirrors.length == 0 ? Map.of() : Map.of(origin.host(), List.of(mirrors)), offline);
  }

  private BaseResolution resolve(ImageSpec spec) throws Exception {
    return BaseResolution.resolve(spec, Platform.LINUX_AMD64, new StateFiles(spec.storage()),
        FakeRegistry.registries(dir.resolve("plain-http.properties"), origin, mirror), log);
  }

  @Test
  void aTagResolvesToTheDigestTheRegistryServesAndIsPinned() throws Exception {
    String digest = origin.seed("base/java", "17", image);

    BaseResolution base = resolve(spec(base(":17"), false));

    assertEquals(digest, base.digest());
    assertEquals(digest, base.identity());
    assertEquals(base(":17"), base.name());
    assertEquals(base(":17@" + digest), base.reference());
    assertEquals(Optional.of("17"), base.registryBase().orElseThrow().tag());
    assertTrue(base.file().isEmpty());
    assertEquals(new JibBuild.Base(base(":17@" + digest), false, "the/base", digest, Platform.LINUX_AMD64),
        base.jibBase("the/base", Platform.LINUX_AMD64));
    assertEquals(List.of("HEAD /v2/base/java/manifests/17"), origin.requests());
    assertTrue(log.has("INFO Base image " + base(":17") + " at " + digest), log.toString());
  }

  @Test
  void aMirrorThatHasTheTagWinsAndTheOriginIsNotAsked() throws Exception {
    origin.seed("base/java", "17", image);
    String mirrored = mirror.seed("base/java", "17", Image.of("amd64", "mirrored"));

    BaseResolution base = resolve(spec(base(":17"), false, mirror.host()));

    assertEquals(mirrored, base.digest());
    assertEquals(List.of("HEAD /v2/base/java/manifests/17"), mirror.requests());
    assertEquals(List.of(), origin.requests(), "the mirror answered: the origin is not asked");
    assertTrue(log.has("(from " + mirror.host() + ")"), log.toString());
    assertEquals(mirror.host() + "/base/java:17@" + mirrored, base.jibBase("base", Platform.LINUX_AMD64).reference(),
        "jib-core reads the base from the mirror that answered, and from no other registry");
    assertEquals(origin.host() + "/base/java:17@" + mirrored, base.reference(),
        "the summary names the base as the user did");
  }

  @Test
  void aMirrorThatLacksTheTagFallsThroughToTheNext() throws Exception {
    String digest = origin.seed("base/java", "17", image);

    BaseResolution base = resolve(spec(base(":17"), false, mirror.host()));

    assertEquals(digest, base.digest());
    assertEquals(List.of("HEAD /v2/base/java/manifests/17"), mirror.requests());
    assertEquals(List.of("HEAD /v2/base/java/manifests/17"), origin.requests());
    assertEquals(origin.host() + "/base/java:17@" + digest, base.jibBase("base", Platform.LINUX_AMD64).reference());
  }

  @Test
  void whenNoRegistryHasItTheErrorNamesEveryRegistryTriedWithItsReason() throws Exception {
    FakeRegistry stopped = new FakeRegistry();
    String down = stopped.host();
    stopped.close();

    ImageBuildException e = assertThrows(ImageBuildException.class,
        () -> resolve(spec(base(":17"), false, mirror.host(), down)));

    String message = e.getMessage();
    assertTrue(message.startsWith("Cannot read the base image " + base(":17")
        + " from any registry: "), message);
    int first = message.indexOf(mirror.host() + ": it has no base/java:17");
    int second = message.indexOf(down + ": " + down + "/base/java: cannot connect to " + down);
    int third = message.indexOf(origin.host() + ": it has no base/java:17");
    assertTrue(first > 0 && second > first && third > second,
        "each registry, in the order tried, with its reason: " + message);
  }

  @Test
  void aReferencePinnedByDigestAsksNoRegistry() throws Exception {
    String digest = "sha256:" + "d".repeat(64);

    BaseResolution base = resolve(spec(base(":17@" + digest), false, mirror.host()));

    assertEquals(digest, base.digest());
    assertEquals(base(":17@" + digest), base.reference());
    assertEquals(List.of(), origin.requests());
    assertEquals(List.of(), mirror.requests());
    assertFalse(log.has("WARN"), "a pinned base is not warned about: " + log);
  }

  @Test
  void aTagIsWarnedAboutWithThePinnedReferenceToWrite() throws Exception {
    String digest = origin.seed("base/java", "17", image);

    resolve(spec(base(":17"), false));

    assertTrue(log.lines().contains("WARN The base is referenced by tag, which can move to another"
        + " image. Pin it: " + Setting.FROM_IMAGE.element(base(":17@" + digest)) + " (or set "
        + Setting.ALLOW_UNPINNED_BASE.element("true") + " to take each new base the tag points"
        + " to)."), log.toString());
  }

  @Test
  void aTagIsNotWarnedAboutWhenTheSpecSaysNot() throws Exception {
    origin.seed("base/java", "17", image);
    ImageSpec warning = spec(base(":17"), false);
    ImageSpec spec = new ImageSpec(warning.content(), warning.registries(), warning.storage(),
        warning.outputs(), warning.loadPlatform(), false, warning.baseDirectory());

    resolve(spec);

    assertFalse(log.has("WARN"), log.toString());
  }

  @Test
  void offlineTheDigestAnEarlierOnlineResolutionRememberedIsUsed() throws Exception {
    String digest = origin.seed("base/java", "17", image);
    resolve(spec(base(":17"), false));
    // The tag moves meanwhile; offline, nothing can tell.
    origin.seed("base/java", "17", Image.of("amd64", "moved"));
    origin.clearRequests();

    BaseResolution offline = resolve(spec(base(":17"), true));

    assertEquals(digest, offline.digest());
    assertEquals(List.of(), origin.requests(), "offline asks no registry");
  }

  @Test
  void offlineWithNothingRememberedFailsNamingTheSetting() throws Exception {
    origin.seed("base/java", "17", image);

    ImageBuildException e = assertThrows(ImageBuildException.class,
        () -> resolve(spec(base(":17"), true)));

    assertTrue(e.getMessage().contains("The base image " + base(":17") + " has not been pulled"
        + " before, and the build is offline"), e.getMessage());
    assertTrue(e.getMessage().contains("pin " + Setting.FROM_IMAGE.element() + " by digest"),
        e.getMessage());
    assertEquals(List.of(), origin.requests());
  }

  @Test
  void theRememberedTagIsKeptWhereStateFilesNamesIt() throws Exception {
    String digest = origin.seed("base/java", "17", image);
    ImageSpec spec = spec(base(":17"), false);

    resolve(spec);

    Path memory = new StateFiles(spec.storage()).resolvedBaseTags();
    try (Stream<Path> files = Files.list(memory)) {
      List<Path> remembered = files.toList();
      assertEquals(1, remembered.size(), "one file per tag in " + memory + ": " + remembered);
      assertTrue(Files.isRegularFile(remembered.get(0)), remembered.get(0) + " is no file");
      assertEquals(digest, Files.readString(remembered.get(0)).trim());
    }
  }

  @Test
  void aTarBaseIsPreparedAndDescribedWithoutAnyRegistry() throws Exception {
    Path archive = TestImages.dockerArchive(dir.resolve("base.tar"), Map.of("base:1", image));

    BaseResolution base = resolve(spec("tar://" + archive, false));

    assertTrue(base.registryBase().isEmpty());
    Path prepared = base.file().orElseThrow().dockerArchive();
    assertEquals(archive, prepared, "a docker-archive is used where it is");
    assertNull(base.digest(), "a docker-archive records no manifest digest");
    assertEquals(image.configDigest(), base.identity());
    assertEquals("tar://" + archive, base.reference());
    assertEquals(base.file().get().description(), base.name());
    assertTrue(log.has("INFO Base image " + base.name()), log.toString());
    assertEquals(new JibBuild.Base(archive.toString(), true, "tar://" + archive, null, Platform.LINUX_AMD64),
        base.jibBase("tar://" + archive, Platform.LINUX_AMD64));
    assertEquals(List.of(), origin.requests());
  }

  @Test
  void anOciLayoutBaseIsPinnedByItsManifestDigest() throws Exception {
    Path layout = new TestImages.Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));
    String reference = "oci://" + layout + ":1.0";

    BaseResolution base = resolve(spec(reference, false));

    assertEquals(image.manifestDigest(), base.digest());
    assertEquals(image.configDigest(), base.identity());
    assertEquals(reference + "@" + image.manifestDigest(), base.reference());
    Path prepared = base.file().orElseThrow().dockerArchive();
    assertTrue(Files.isRegularFile(prepared), "rewritten as a docker-archive for jib-core");
    assertTrue(prepared.startsWith(dir.resolve("project")), "under the project's folder");
  }
}
