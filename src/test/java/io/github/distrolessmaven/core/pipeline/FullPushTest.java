package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.jib.JibLayers;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.Credentials;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push of a full build: jib-core assembles the image into a hidden archive, and the plugin's
 * own client puts it into the registry, through the faults a busy registry has.
 */
class FullPushTest {

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();
  private FakeRegistry registry;
  private String target;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    target = registry.host() + "/team/app:1";
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private ImageSpec spec(ImageFormat format) throws Exception {
    Path base = TestImages.dockerArchive(dir.resolve("base.tar"),
        Map.of("base:1", Image.of("amd64", "base")));
    ImageContent content = TestSpecs.content("tar://" + base, target, List.of("2"),
        Map.of(), TestSpecs.layers(dir), List.of(), format);
    return TestSpecs.spec(content, dir, Map.of(), false);
  }

  private FullPush.Pushed push(ImageSpec spec) throws Exception {
    StateFiles state = new StateFiles(spec.storage());
    BaseResolution base = BaseResolution.resolve(
        spec, Platform.LINUX_AMD64, state, new Registries(false, Credentials.NONE, null, log), log);
    JibLayers.start(state.applicationLayers(), spec.content().layers(),
        spec.content().timestamps().filesModificationTime(), log).await();
    RegistryClient repository = FakeRegistry.registries(dir.resolve("plain-http"), registry)
        .push(registry.host(), "team/app");
    return FullPush.push(spec, ImageReference.parse(target), new JibBuild(log),
        base.jibBase(spec.content().baseImage(), Platform.LINUX_AMD64),
        new JibCredentials(spec.registries().baseCredentials(), log), state.applicationLayers(),
        repository, List.of("1", "2"), Optional.empty(), log);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void theImageLandsWholeThroughABusyRegistry(ImageFormat format) throws Exception {
    ImageSpec spec = spec(format);
    registry.fail("PUT /v2/team/app/blobs/uploads/", 2, 503, null);
    registry.dropConnection("PUT /v2/team/app/blobs/uploads/", 1);
    registry.fail("PUT /v2/team/app/manifests/1", 1, 429, "0");
    registry.fail("HEAD /v2/team/app/blobs/", 1, 502, null);

    FullPush.Pushed pushed = push(spec);

    FakeRegistry.Manifest manifest = registry.manifest("team/app", "1").orElseThrow();
    assertEquals(pushed.digest(), manifest.digest());
    assertEquals(pushed.digest(), registry.manifest("team/app", "2").orElseThrow().digest());
    assertEquals(pushed.digest(), pushed.served().manifest().digest());
    JsonNode tree = TestImages.JSON.readTree(manifest.bytes());
    assertEquals(pushed.imageId(), tree.path("config").path("digest").asText());
    long size = tree.path("config").path("size").asLong();
    assertTrue(registry.blob("team/app", pushed.imageId()).isPresent());
    for (JsonNode layer : tree.path("layers")) {
      assertTrue(registry.blob("team/app", layer.path("digest").asText()).isPresent(),
          "layer " + layer);
      size += layer.path("size").asLong();
    }
    assertEquals(size, pushed.served().size());
    List<String> requests = registry.requests();
    assertEquals(2, requests.stream().filter("PUT /v2/team/app/manifests/1"::equals).count(),
        "the tag refused with 429 was put again");
    long blobs = 1 + tree.path("layers").size();
    assertEquals(blobs + 3, requests.stream()
        .filter("POST /v2/team/app/blobs/uploads/"::equals).count(),
        "each of the three failed uploads started over");
    assertEquals(List.of(), leftovers(spec), "the assembled archive is gone");
  }

  @Test
  void theManifestGoesByDigestBeforeAnyTag() throws Exception {
    FullPush.Pushed pushed = push(spec(ImageFormat.DOCKER));

    List<String> puts = registry.requests().stream()
        .filter(request -> request.startsWith("PUT /v2/team/app/manifests/")).toList();
    assertEquals(List.of("PUT /v2/team/app/manifests/" + pushed.digest(),
        "PUT /v2/team/app/manifests/1", "PUT /v2/team/app/manifests/2"), puts);
  }

  @Test
  void aTagThatCannotBeMovedIsReportedWithThoseThatWere() throws Exception {
    ImageSpec spec = spec(ImageFormat.DOCKER);
    registry.fail("PUT /v2/team/app/manifests/2", 1, 400, null);

    ImageBuildException e = assertThrows(ImageBuildException.class, () -> push(spec));

    String digest = registry.manifest("team/app", "1").orElseThrow().digest();
    assertTrue(e.getMessage().contains("The image is whole in " + registry.host()
        + "/team/app as " + digest + "; now pointing to it: 1; not moved: 2. Run the same build"
        + " again"), e.getMessage());
    assertEquals(List.of(), leftovers(spec));
  }

  private static List<Path> leftovers(ImageSpec spec) throws Exception {
    Path directory = spec.outputs().tar().getParent();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
