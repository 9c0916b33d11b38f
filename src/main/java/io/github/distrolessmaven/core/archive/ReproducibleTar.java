package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tar entries for image archives with a fixed owner (0:0, no names), mode (0644) and time (the
 * epoch), so that the same content gives the same archive bytes on any machine and for any user.
 */
public final class ReproducibleTar {

  private ReproducibleTar() {}

  /** A regular-file entry of {@code size} bytes. */
  public static TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0100644);
    entry.setModTime(0);
    entry.setUserId(0);
    entry.setGroupId(0);
    // The default is the builder's own user name, which would make the bytes differ per user.
    entry.setUserName("");
    entry.setGroupName("");
    return entry;
  }

  /** Writes {@code content} as the entry {@code name}. */
  public static void putBytes(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    tar.putArchiveEntry(entry(name, content.length));
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /** Writes the file's content as the entry {@code name}. */
  public static void putFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
    tar.putArchiveEntry(entry(name, Files.size(file)));
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }
}
