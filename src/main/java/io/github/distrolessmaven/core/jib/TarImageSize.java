package io.github.distrolessmaven.core.jib;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The size of an image in a docker-archive: its config and compressed layers, as a registry counts it. */
final class TarImageSize {

  private TarImageSize() {}

  static long of(Path archive) throws IOException {
    long size = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile() && !entry.getName().equals("manifest.json")) {
          size += entry.getSize();
        }
      }
    }
    return size;
  }
}
