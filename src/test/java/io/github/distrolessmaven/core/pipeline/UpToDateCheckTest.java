package io.github.distrolessmaven.core.pipeline;

import static io.github.distrolessmaven.core.fixtures.TestImages.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.state.LastBuild;
import io.github.distrolessmaven.core.state.StateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push is up to date when every input has the last push's fingerprint and the registry still
 * serves its digest under every tag; only then is nothing built.
 */
class UpToDateCheckTest {

  private static final String BASE = "sha256:" + "b".repeat(64);
  private static final byte[] SBOM = "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry registry;
  private RegistryClient target;
  private ImageReference reference;
  private StateFiles state;
  private String digest;
  private Image pushed;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    reference = ImageReference.parse(registry.host() + "/team/app:1");
    target = FakeRegistry.registries(dir.resolve("plain-http.properties"), registry)
        .pull(registry.host(), "team/app");
    state = new StateFiles(TestSpecs.spec(content(Map.of()), dir, Map.of(), false).storage());
    pushed = Image.of("amd64", "pushed");
    digest = registry.seed("team/app", "1", pushed);
    registry.seed("team/app", "latest", pushed);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private ImageContent content(Map<String, String> environment) throws Exception {
    return TestSpecs.content(BASE, reference.toString(), List.of("latest"), environment,
        TestSpecs.layers(dir), List.of());
  }

  private UpToDateCheck check(ImageContent content) throws Exception {
    return new UpToDateCheck(content, BASE, Destination.REGISTRY, state, log);
  }

  private BuiltImage pushed() {
    return new BuiltImage(reference.toString(), digest, "sha256:" + "c".repeat(64),
        List.of("1", "latest"), "base@" + BASE, 1234, SBOM, "the referrers tag", false);
  }

  private static BuiltLayer layer(String name, char hex) {
    return new BuiltLayer(name, "sha256:" + String.valueOf(hex).repeat(64),
        "sha256:" + String.valueOf((char) (hex + 1)).repeat(64), 100 + hex, Path.of("unused"));
  }

  private final List<BuiltLayer> layers = List.of(layer("dependencies", 'a'), layer("classes", 'd'));

  /** Remembers a push of the content as it is now. */
  private void rememberPush() throws Exception {
    check(content(Map.of())).remember(pushed(), layers);
    registry.clearRequests();
  }

  @Test
  void withNoRecordNothingIsConfirmedAndTheRegistryIsNotAsked() throws Exception {
    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertEquals(Optional.empty(), check(content(Map.of())).lastWithSameSettings());
    assertEquals(List.of(), registry.requests());
  }

  @Test
  void theSameContentIsConfirmedWhenTheRegistryServesTheDigestUnderEveryTag() throws Exception {
    rememberPush();

    BuiltImage confirmed = check(content(Map.of())).confirmedIn(target, reference).orElseThrow();

    assertTrue(confirmed.upToDate());
    assertEquals(digest, confirmed.digest());
    assertEquals(List.of("1", "latest"), confirmed.tags());
    assertArrayEquals(SBOM, confirmed.sbom());
    List<String> requests = registry.requests();
    assertEquals(List.of("HEAD /v2/team/app/manifests/1", "HEAD /v2/team/app/manifests/latest",
        "GET /v2/team/app/manifests/" + digest), requests.subList(0, 3));
    assertEquals(Set.of("HEAD /v2/team/app/blobs/" + sha256(pushed.config()),
        "HEAD /v2/team/app/blobs/" + sha256(pushed.layer())),
        Set.copyOf(requests.subList(3, requests.size())), "every blob is proved there");
    assertTrue(log.has("INFO Up to date: nothing changed since the last push, and the registry"
        + " still serves " + digest + " under 1, latest"), log.toString());
  }

  @Test
  void aTagGoneFromTheRegistryMeansARebuild() throws Exception {
    rememberPush();
    registry.deleteTag("team/app", "latest");

    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertTrue(log.has("INFO Rebuilding: " + registry.host()
        + "/team/app:latest is gone from the registry"), log.toString());
  }

  @Test
  void aLayerGoneFromTheRegistryMeansARebuild() throws Exception {
    rememberPush();
    registry.deleteBlob("team/app", sha256(pushed.layer()));

    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertTrue(log.has("INFO Rebuilding: " + registry.host() + "/team/app@" + digest
        + " lacks the blob " + sha256(pushed.layer()) + ", which the registry no longer holds"),
        log.toString());
  }

  @Test
  void aConfigGoneFromTheRegistryMeansARebuild() throws Exception {
    rememberPush();
    registry.deleteBlob("team/app", sha256(pushed.config()));

    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertTrue(log.has("lacks the blob " + sha256(pushed.config())), log.toString());
  }

  @Test
  void aTagMovedToAnotherImageMeansARebuild() throws Exception {
    rememberPush();
    registry.seed("team/app", "1", Image.of("amd64", "someone else's"));

    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertTrue(log.has("INFO Rebuilding: " + registry.host()
        + "/team/app:1 now points to another image"), log.toString());
  }

  @Test
  void aRegistryThatDoesNotAnswerMeansARebuild() throws Exception {
    rememberPush();
    registry.close();

    assertEquals(Optional.empty(), check(content(Map.of())).confirmedIn(target, reference));
    assertTrue(log.has("cannot be confirmed in the registry"), log.toString());
  }

  @Test
  void changedContentIsNotUpToDateAndLeavesTheRegistryAlone() throws Exception {
    rememberPush();

    UpToDateCheck changed = check(content(Map.of("MODE", "debug")));

    assertEquals(Optional.empty(), changed.confirmedIn(target, reference));
    assertEquals(Optional.empty(), changed.lastWithSameSettings(),
        "another variable is another setting: no push to start from");
    assertEquals(List.of(), registry.requests());
  }

  @Test
  void whenOnlyAClassChangedTheLastPushIsTheOneToStartFrom() throws Exception {
    rememberPush();
    Files.write(TestSpecs.classFile(dir), new byte[] {(byte) 0xca, (byte) 0xfe, 2});

    UpToDateCheck check = check(content(Map.of()));

    assertEquals(Optional.empty(), check.confirmedIn(target, reference));
    LastBuild.Push last = check.lastWithSameSettings().orElseThrow();
    assertEquals(digest, last.digest());
    assertEquals(List.of("dependencies", "classes"),
        last.layers().stream().map(LastBuild.Layer::name).toList());
    assertEquals(layers.get(1).digest(), last.layers().get(1).digest());
  }

  @Test
  void theUnchangedLayersAreThoseWhoseFingerprintsMatch() throws Exception {
    rememberPush();
    Files.write(TestSpecs.classFile(dir), new byte[] {(byte) 0xca, (byte) 0xfe, 2});
    UpToDateCheck check = check(content(Map.of()));
    Path cache = dir.resolve("app-layers");

    Map<String, BuiltLayer> unchanged =
        check.unchangedLayers(check.lastWithSameSettings().orElseThrow(), cache);

    BuiltLayer dependencies = layers.get(0);
    assertEquals(Map.of("dependencies", new BuiltLayer("dependencies", dependencies.digest(),
        dependencies.diffId(), dependencies.size(),
        cache.resolve("layers").resolve(dependencies.digest().substring(7))
            .resolve(dependencies.diffId().substring(7)))), unchanged);
  }

  @Test
  void nothingChangedEveryLayerIsUnchanged() throws Exception {
    rememberPush();
    UpToDateCheck check = check(content(Map.of()));

    Map<String, BuiltLayer> unchanged =
        check.unchangedLayers(check.lastWithSameSettings().orElseThrow(), dir.resolve("cache"));

    assertEquals(List.of("classes", "dependencies"), unchanged.keySet().stream().sorted().toList());
  }
}
