package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Streams the layers of a prepared docker-archive base, bottom first, to a reader. */
public final class DockerArchiveLayers {

  /** Reads one layer; the stream is closed after it returns. */
  @FunctionalInterface
  public interface LayerReader {
    void read(InputStream layer) throws IOException;
  }

  private DockerArchiveLayers() {}

  /**
   * @param archive a docker-archive that {@link LocalBaseImage#prepare} checked or wrote
   * @throws IOException when a layer cannot be read, or the reader fails
   */
  public static void forEach(Path archive, LayerReader reader)
      throws IOException, ImageBuildException {
    TarEntries tar;
    try {
      tar = TarEntries.open(archive);
    } catch (InvalidConfigurationException e) {
      throw new IOException(archive + " is no longer a tar archive: " + e.getMessage(), e);
    }
    try {
      JsonNode manifest = ImageJson.parse(
          tar.read("manifest.json", "the image list manifest.json", ImageJson.MAX_SIZE),
          tar.where("manifest.json"));
      for (JsonNode layer : manifest.get(0).get("Layers")) {
        try (InputStream in = tar.open(layer.asText())) {
          reader.read(in);
        }
      }
    } finally {
      tar.close();
    }
  }
}
