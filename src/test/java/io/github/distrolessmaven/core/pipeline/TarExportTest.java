package io.github.distrolessmaven.core.pipeline;

import static io.github.distrolessmaven.core.fixtures.TestImages.JSON;
import static io.github.distrolessmaven.core.fixtures.TestImages.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.Executables;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.jib.JibLayers;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.registry.Credentials;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.sbom.ImageSbom;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.StateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The archive of {@code distroless:tar}: jib-core builds offline on a base from a file, and the
 * archive it wrote is rewritten as one that carries every tag and the SBOM, appearing whole.
 */
class TarExportTest {

  private static final String TARGET = "registry.example/team/app:1";

  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  private ImageSpec spec(ImageFormat format, List<Dependency> dependencies) throws Exception {
    Path base = TestImages.dockerArchive(dir.resolve("base.tar"),
        Map.of("base:1", Image.of("amd64", "base")));
    ImageContent content = TestSpecs.content("tar://" + base, TARGET, List.of("2", "1"),
        Map.of(), TestSpecs.layers(dir), dependencies, format);
    return TestSpecs.spec(content, dir, Map.of(), true);
  }

  /** The steps before the archive, as {@code ImageBuilder} runs them, then the archive. */
  private BuiltImage write(ImageSpec spec) throws Exception {
    ImageContent content = spec.content();
    StateFiles state = new StateFiles(spec.storage());
    BaseResolution base = BaseResolution.resolve(
        spec, Platform.LINUX_AMD64, state, new Registries(false, Credentials.NONE, null, log), log);
    JibLayers.start(state.applicationLayers(), content.layers(),
        content.timestamps().filesModificationTime(), log).await();
    PendingSbom sbom = PendingSbom.start(content, new BaseContents(List.of(), List.of(), List.of(), Executables.NONE),
        state.jarHashes(), "registry.example/team/app");
    return TarExport.write(spec, Destination.TAR, ImageReference.parse(TARGET),
        new JibBuild(log), base.jibBase(content.baseImage(), Platform.LINUX_AMD64),
        new JibCredentials(spec.registries().baseCredentials(), log),
        state.applicationLayers(), base.reference(), sbom, log);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void theArchiveCarriesEveryTagAndTheSbom(ImageFormat format) throws Exception {
    ImageSpec spec = spec(format, List.of(TestSpecs.dependency(TestSpecs.jar(dir))));

    BuiltImage image = write(spec);

    assertEquals(TARGET, image.image());
    assertEquals(List.of("1", "2"), image.tags(), "the target's tag first, each once");
    assertEquals(spec.content().baseImage(), image.base());
    assertEquals("the archive", image.sbomAttached());
    Map<String, byte[]> entries = TestImages.untar(spec.outputs().tar());

    // The image: its manifest is the image's digest.
    byte[] manifest = entries.get(Descriptor.blobPath(image.digest()));
    assertEquals(image.digest(), sha256(manifest));
    JsonNode manifestTree = JSON.readTree(manifest);
    long size = manifestTree.path("config").path("size").asLong();
    for (JsonNode layer : manifestTree.path("layers")) {
      assertTrue(entries.containsKey(Descriptor.blobPath(layer.path("digest").asText())));
      size += layer.path("size").asLong();
    }
    assertEquals(size, image.size());
    assertEquals(image.imageId(), manifestTree.path("config").path("digest").asText());

    // Every tag: in docker's manifest.json and in the layout's index.
    JsonNode docker = JSON.readTree(entries.get("manifest.json")).get(0);
    assertEquals(List.of("registry.example/team/app:1", "registry.example/team/app:2"),
        TestImages.texts(docker.path("RepoTags")));
    List<String> refNames = new ArrayList<>();
    JsonNode sbomEntry = null;
    for (JsonNode entry : JSON.readTree(entries.get("index.json")).path("manifests")) {
      if (entry.has("artifactType")) {
        sbomEntry = entry;
      } else {
        assertEquals(image.digest(), entry.path("digest").asText());
        refNames.add(entry.path("annotations").path(Descriptor.REF_NAME).asText());
      }
    }
    assertEquals(List.of("1", "2"), refNames);

    // The SBOM: a referrer of the image, its document the one the build reports.
    assertEquals(ImageSbom.MEDIA_TYPE, sbomEntry.path("artifactType").asText());
    JsonNode artifact =
        JSON.readTree(entries.get(Descriptor.blobPath(sbomEntry.path("digest").asText())));
    assertEquals(image.digest(), artifact.path("subject").path("digest").asText());
    assertArrayEquals(image.sbom(), entries.get(
        Descriptor.blobPath(artifact.path("layers").get(0).path("digest").asText())));
    assertTrue(new String(image.sbom(), StandardCharsets.UTF_8)
        .contains(image.digest().substring("sha256:".length())), "the SBOM names the image");

    assertEquals(List.of(spec.outputs().tar()), filesIn(spec.outputs().tar().getParent()),
        "nothing but the archive is left beside it");
  }

  @Test
  void aFailedWriteLeavesNoPartialFile() throws Exception {
    ImageSpec spec = spec(ImageFormat.DOCKER, List.of());
    // Something the archive cannot replace is in the way: the write fails at its very end,
    // after jib-core's archive and the combined one were written beside it.
    Path tar = spec.outputs().tar();
    Files.createDirectories(tar);
    Files.writeString(tar.resolve("keep"), "in the way");

    ImageBuildException e = assertThrows(ImageBuildException.class, () -> write(spec));

    assertTrue(e.getMessage().startsWith("Writing " + tar + " failed: "), e.getMessage());
    assertEquals(List.of(tar), filesIn(tar.getParent()), "no partial file is left beside it");
    assertEquals("in the way", Files.readString(tar.resolve("keep")));
  }

  private static List<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
