package io.github.distrolessmaven.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.spec.OutputPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image.digest, image.id and image.json. */
class ImageOutputsTest {

  private static final String DIGEST =
      "sha256:1111111111111111111111111111111111111111111111111111111111111111";
  private static final String IMAGE_ID =
      "sha256:2222222222222222222222222222222222222222222222222222222222222222";
  private static final BuiltImage IMAGE =
      new BuiltImage(
          "registry.example.com/team/app:1.0",
          DIGEST,
          IMAGE_ID,
          List.of("1.0", "latest"),
          "gcr.io/distroless/java21-debian13@sha256:3333",
          123_456_789_012L,
          "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "the archive",
          false);

  @TempDir Path dir;

  private OutputPaths paths() {
    Path out = dir.resolve("target/distroless");
    return new OutputPaths(
        out.resolve("image.tar"), out.resolve("image.digest"), out.resolve("image.id"),
        out.resolve("image.json"), out.resolve("security-context.yaml"),
        out.resolve("sbom.cdx.json"));
  }

  @Test
  void writesDigestAndIdExactly() throws Exception {
    OutputPaths paths = paths();

    ImageOutputs.write(IMAGE, paths);

    assertEquals(DIGEST, Files.readString(paths.digest()));
    assertEquals(IMAGE_ID, Files.readString(paths.imageId()));
  }

  @Test
  void imageJsonHasImageDigestTagsBaseAndSize() throws Exception {
    OutputPaths paths = paths();

    ImageOutputs.write(IMAGE, paths);

    JsonNode json = new ObjectMapper().readTree(paths.imageJson().toFile());
    assertEquals("registry.example.com/team/app:1.0", json.get("image").asText());
    assertEquals(DIGEST, json.get("digest").asText());
    assertEquals(IMAGE_ID, json.get("imageId").asText());
    List<String> tags = new ArrayList<>();
    json.get("tags").forEach(tag -> tags.add(tag.asText()));
    assertEquals(List.of("1.0", "latest"), tags);
    assertEquals("gcr.io/distroless/java21-debian13@sha256:3333", json.get("base").asText());
    assertTrue(json.get("size").isIntegralNumber());
    assertEquals(123_456_789_012L, json.get("size").asLong());
  }

  @Test
  void imageJsonOfAnIndexListsEachPlatformsImage() throws Exception {
    OutputPaths paths = paths();
    BuiltImage index = new BuiltImage(IMAGE.image(), DIGEST, IMAGE_ID, IMAGE.tags(),
        IMAGE.base(), 30, new byte[0], "the referrers API", false, List.of(
            new BuiltImage.PlatformImage("linux/amd64", "sha256:aa", "sha256:ab", 10),
            new BuiltImage.PlatformImage("linux/arm64/v8", "sha256:ba", "sha256:bb", 20)));

    ImageOutputs.write(index, paths);

    JsonNode json = new ObjectMapper().readTree(paths.imageJson().toFile());
    assertEquals(DIGEST, json.get("digest").asText());
    assertEquals(2, json.get("platforms").size());
    JsonNode arm = json.get("platforms").get(1);
    assertEquals("linux/arm64/v8", arm.get("platform").asText());
    assertEquals("sha256:ba", arm.get("digest").asText());
    assertEquals("sha256:bb", arm.get("imageId").asText());
    assertEquals(20, arm.get("size").asLong());
  }

  @Test
  void writesOnlyTheThreeFilesAndNoTar() throws Exception {
    OutputPaths paths = paths();

    ImageOutputs.write(IMAGE, paths);

    try (var files = Files.list(paths.digest().getParent())) {
      assertEquals(
          List.of("image.digest", "image.id", "image.json"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void rewriteReplacesEarlierOutputs() throws Exception {
    OutputPaths paths = paths();
    ImageOutputs.write(IMAGE, paths);
    BuiltImage next =
        new BuiltImage("app:2", "sha256:" + "4".repeat(64), IMAGE_ID, List.of(), "base", 1,
            new byte[0], "the archive", false);

    ImageOutputs.write(next, paths);

    assertEquals("sha256:" + "4".repeat(64), Files.readString(paths.digest()));
    assertEquals(0, new ObjectMapper().readTree(paths.imageJson().toFile()).get("tags").size());
  }

  @Test
  void unwritablePathIsNamed() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    OutputPaths paths =
        new OutputPaths(blocker.resolve("image.tar"), blocker.resolve("image.digest"),
            blocker.resolve("image.id"), blocker.resolve("image.json"),
            blocker.resolve("security-context.yaml"), blocker.resolve("sbom.cdx.json"));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> ImageOutputs.write(IMAGE, paths));

    assertTrue(e.getMessage().contains(blocker.resolve("image.digest").toString()),
        e.getMessage());
  }
}
