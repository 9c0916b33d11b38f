package io.github.distrolessmaven.core.uptodate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.jib.BuiltImage;
import io.github.distrolessmaven.core.output.AtomicFiles;
import io.github.distrolessmaven.core.output.ImageOutputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful push of a project produced, with the fingerprint of its inputs: kept
 * in the project's layer cache ({@code target/distroless/cache}), so {@code mvn clean} forgets it.
 * The SBOM is kept beside it, whole, and checked against its recorded hash when read back.
 */
public final class LastBuild {

  private static final String RECORD = "last-build.json";
  private static final String SBOM = "last-build.sbom.cdx.json";

  private final Path directory;

  /** @param directory the project's layer cache */
  public LastBuild(Path directory) {
    this.directory = directory;
  }

  /** Records a push; the SBOM is written first, so a record never names a missing SBOM. */
  public void remember(String fingerprint, BuiltImage image) throws IOException {
    Files.createDirectories(directory);
    Path sbom = directory.resolve(SBOM);
    Path temporary = AtomicFiles.temporarySibling(sbom);
    Files.write(temporary, image.sbom());
    AtomicFiles.commit(temporary, sbom);

    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("fingerprint", fingerprint);
    root.set("image", ImageOutputs.describe(image));
    root.put("sbom", Sha256.of(image.sbom()));
    root.put("sbomAttached", image.sbomAttached());
    AtomicFiles.writeString(directory.resolve(RECORD), json.writeValueAsString(root));
  }

  /** The image the last push produced, if its inputs had this fingerprint and all is intact. */
  public Optional<BuiltImage> recall(String fingerprint) {
    try {
      Path record = directory.resolve(RECORD);
      if (!Files.isRegularFile(record)) {
        return Optional.empty();
      }
      JsonNode root = new ObjectMapper().readTree(Files.readString(record, StandardCharsets.UTF_8));
      if (!fingerprint.equals(root.path("fingerprint").asText())) {
        return Optional.empty();
      }
      byte[] sbom = Files.readAllBytes(directory.resolve(SBOM));
      if (!Sha256.of(sbom).equals(root.path("sbom").asText())) {
        return Optional.empty();
      }
      JsonNode built = root.path("image");
      List<String> tags = new ArrayList<>();
      built.path("tags").forEach(tag -> tags.add(tag.asText()));
      return Optional.of(new BuiltImage(
          built.path("image").asText(),
          built.path("digest").asText(),
          built.path("imageId").asText(),
          tags,
          built.path("base").asText(),
          built.path("size").asLong(),
          sbom,
          root.path("sbomAttached").asText(),
          false));
    } catch (IOException | RuntimeException e) {
      // A damaged record only costs the fast path: the build runs in full and rewrites it.
      return Optional.empty();
    }
  }
}
