package io.github.distrolessmaven.core.uptodate;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.jib.BuiltImage;
import io.github.distrolessmaven.core.output.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the last successful push of a project produced, with the fingerprint of its inputs: kept
 * in the project's layer cache ({@code target/distroless/cache}), so {@code mvn clean} forgets it.
 * The SBOM is kept beside it, whole, and checked against its recorded hash when read back. A
 * properties file, not JSON: reading it is on the path of every up-to-date build, which should
 * not load a JSON library.
 */
public final class LastBuild {

  private static final String RECORD = "last-build.properties";
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

    Properties record = new Properties();
    record.setProperty("fingerprint", fingerprint);
    record.setProperty("image", image.image());
    record.setProperty("digest", image.digest());
    record.setProperty("imageId", image.imageId());
    // Tags cannot hold a comma, so a comma-separated list reads back exactly.
    record.setProperty("tags", String.join(",", image.tags()));
    record.setProperty("base", image.base());
    record.setProperty("size", Long.toString(image.size()));
    record.setProperty("sbom", Sha256.of(image.sbom()));
    record.setProperty("sbomAttached", image.sbomAttached());
    StringWriter text = new StringWriter();
    record.store(text, "the last push of this project, for the up-to-date check");
    AtomicFiles.writeString(directory.resolve(RECORD), text.toString());
  }

  /** The image the last push produced, if its inputs had this fingerprint and all is intact. */
  public Optional<BuiltImage> recall(String fingerprint) {
    try {
      Path file = directory.resolve(RECORD);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Properties record = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        record.load(reader);
      }
      if (!fingerprint.equals(record.getProperty("fingerprint"))) {
        return Optional.empty();
      }
      byte[] sbom = Files.readAllBytes(directory.resolve(SBOM));
      if (!Sha256.of(sbom).equals(record.getProperty("sbom"))) {
        return Optional.empty();
      }
      String tags = required(record, "tags");
      List<String> tagList = tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
      return Optional.of(new BuiltImage(
          required(record, "image"),
          required(record, "digest"),
          required(record, "imageId"),
          tagList,
          required(record, "base"),
          Long.parseLong(required(record, "size")),
          sbom,
          required(record, "sbomAttached"),
          false));
    } catch (IOException | RuntimeException e) {
      // A damaged record only costs the fast path: the build runs in full and rewrites it.
      return Optional.empty();
    }
  }

  private static String required(Properties record, String key) throws IOException {
    String value = record.getProperty(key);
    if (value == null) {
      throw new IOException("the record lacks " + key);
    }
    return value;
  }
}
