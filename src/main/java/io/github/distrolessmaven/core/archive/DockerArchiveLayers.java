package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Streams the layers of a docker-archive, bottom first, to a reader. */
public final class DockerArchiveLayers {

  /** Reads one layer; the stream is closed after it returns. */
  @FunctionalInterface
  public interface LayerReader {
    void read(InputStream layer) throws IOException;
  }

  private DockerArchiveLayers() {}

  /**
   * @param archive a docker-archive of one image, checked before
   * @throws IOException when a layer cannot be read, or the reader fails
   */
  public static void forEach(Path archive, LayerReader reader) throws IOException {
    try (TarEntries tar = TarEntries.open(archive)) {
      for (String layer : new DockerArchiveReader(tar).images().get(0).layers()) {
        try (InputStream in = tar.open(layer)) {
          reader.read(in);
        }
      }
    } catch (ArchiveException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
