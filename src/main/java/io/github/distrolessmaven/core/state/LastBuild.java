package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.output.BuiltImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *
 * @param record the record ({@link StateFiles#lastBuild()})
 * @param sbom the SBOM beside it ({@link StateFiles#lastBuildSbom()})
 */
public record LastBuild(Path record, Path sbom) {

  /**
   * One application layer of the last push.
   *
   * @param name e.g. {@code classes}
   * @param fingerprint of what it holds, as {@link InputFingerprint#layers()} gives it
   * @param digest of the compressed layer
   * @param diffId of the uncompressed layer
   * @param size of the compressed layer, in bytes
   */
  public record Layer(String name, String fingerprint, String digest, String diffId, long size) {}

  /**
   * The last push, made with the same settings as a build to come.
   *
   * @param digest its manifest's digest (an image index's, for several platforms)
   * @param layers its non-empty application layers, in image order
   * @param platformDigests for an image index, each platform's image's digest, in its order
   */
  public record Push(String digest, List<Layer> layers, List<String> platformDigests) {

    /** @param layers copied defensively */
    public Push {
      layers = List.copyOf(layers);
      platformDigests = List.copyOf(platformDigests);
    }

    /** An image of one platform. */
    public Push(String digest, List<Layer> layers) {
      this(digest, layers, List.of());
    }

    /** The push of one platform's image of an index, with the index's layers. */
    public Push platform(int index) {
      return new Push(platformDigests.get(index), layers);
    }
  }

  /**
   * Records a push; the SBOM is written first, so a record never names a missing SBOM.
   *
   * @param layers its non-empty application layers, in image order
   */
  public void remember(InputFingerprint fingerprint, BuiltImage image, List<Layer> layers)
      throws IOException {
    Files.createDirectories(sbom.toAbsolutePath().getParent());
    Path temporary = AtomicFiles.temporarySibling(sbom);
    Files.write(temporary, image.sbom());
    AtomicFiles.commit(temporary, sbom);

    Properties entries = new Properties();
    entries.setProperty("fingerprint", fingerprint.whole());
    entries.setProperty("settings", fingerprint.settings());
    entries.setProperty("image", image.image());
    entries.setProperty("digest", image.digest());
    entries.setProperty("imageId", image.imageId());
    // Tags cannot hold a comma, so a comma-separated list reads back exactly.
    entries.setProperty("tags", String.join(",", image.tags()));
    entries.setProperty("base", image.base());
    entries.setProperty("size", Long.toString(image.size()));
    entries.setProperty("sbom", Sha256.of(image.sbom()));
    entries.setProperty("sbomAttached", image.sbomAttached());
    entries.setProperty("platforms", Integer.toString(image.platforms().size()));
    for (int i = 0; i < image.platforms().size(); i++) {
      BuiltImage.PlatformImage platform = image.platforms().get(i);
      entries.setProperty("platform." + i + ".platform", platform.platform());
      entries.setProperty("platform." + i + ".digest", platform.digest());
      entries.setProperty("platform." + i + ".imageId", platform.imageId());
      entries.setProperty("platform." + i + ".size", Long.toString(platform.size()));
    }
    entries.setProperty("layers", Integer.toString(layers.size()));
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      entries.setProperty("layer." + i + ".name", layer.name());
      entries.setProperty("layer." + i + ".fingerprint", layer.fingerprint());
      entries.setProperty("layer." + i + ".digest", layer.digest());
      entries.setProperty("layer." + i + ".diffId", layer.diffId());
      entries.setProperty("layer." + i + ".size", Long.toString(layer.size()));
    }
    PropertiesFiles.write(record, entries,
        "the last push of this project, for the up-to-date check");
  }

  /** The image the last push produced, if its inputs had this fingerprint and all is intact. */
  public Optional<BuiltImage> recall(String fingerprint) {
    try {
      Properties record = read();
      if (!fingerprint.equals(record.getProperty("fingerprint"))) {
        return Optional.empty();
      }
      byte[] sbom = Files.readAllBytes(this.sbom);
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
          false,
          platforms(record)));
    } catch (IOException | RuntimeException e) {
      // A damaged record only costs the fast path: the build runs in full and rewrites it.
      return Optional.empty();
    }
  }

  /**
   * The last push, if it was made with these {@linkplain InputFingerprint#settings() settings}:
   * its image differs from the one to build only in what its application layers hold.
   */
  public Optional<Push> withSettings(String settings) {
    try {
      Properties record = read();
      if (!settings.equals(record.getProperty("settings"))) {
        return Optional.empty();
      }
      List<Layer> layers = new ArrayList<>();
      int count = Integer.parseInt(required(record, "layers"));
      for (int i = 0; i < count; i++) {
        String key = "layer." + i + ".";
        layers.add(new Layer(required(record, key + "name"), required(record, key + "fingerprint"),
            required(record, key + "digest"), required(record, key + "diffId"),
            Long.parseLong(required(record, key + "size"))));
      }
      return Optional.of(new Push(required(record, "digest"), layers,
          platforms(record).stream().map(BuiltImage.PlatformImage::digest).toList()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** For an image index, each platform's image; none in a record of an image. */
  private static List<BuiltImage.PlatformImage> platforms(Properties record) throws IOException {
    int count = Integer.parseInt(record.getProperty("platforms", "0"));
    List<BuiltImage.PlatformImage> platforms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "platform." + i + ".";
      platforms.add(new BuiltImage.PlatformImage(required(record, key + "platform"),
          required(record, key + "digest"), required(record, key + "imageId"),
          Long.parseLong(required(record, key + "size"))));
    }
    return platforms;
  }

  /** The record; empty when there is none, or it cannot be read. */
  private Properties read() {
    return PropertiesFiles.readOrEmpty(record);
  }

  private static String required(Properties record, String key) throws IOException {
    String value = record.getProperty(key);
    if (value == null) {
      throw new IOException("the record lacks " + key);
    }
    return value;
  }
}
