package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.Blobs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A layer's tar for entries among which are symbolic links, which jib-core's
 * {@code ReproducibleLayerBuilder} would copy as the files they point to. It writes what that
 * builder writes (the entries in the order given, owned {@code 0:0} with empty names, the given
 * modes, every time set to the entry's modification time, PAX and POSIX long names), except that
 * a link is a link entry with its target as written. Layers without links keep jib-core's bytes.
 */
final class LinkPreservingLayer {

  private LinkPreservingLayer() {}

  /** Whether any entry's source is a symbolic link. */
  static boolean hasLinks(List<FileEntry> entries) {
    return entries.stream().anyMatch(entry -> Files.isSymbolicLink(entry.getSourceFile()));
  }

  /** The layer's uncompressed tar, written when the blob is. */
  static Blob build(List<FileEntry> entries) {
    return Blobs.from(out -> {
      TarArchiveOutputStream tar =
          new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      Set<String> names = new HashSet<>();
      for (FileEntry entry : entries) {
        Path source = entry.getSourceFile();
        String name = entry.getExtractionPath().toString();
        TarArchiveEntry header;
        boolean link = Files.isSymbolicLink(source);
        if (link) {
          header = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
          header.setLinkName(Files.readSymbolicLink(source).toString().replace('\\', '/'));
          header.setMode(0777);
        } else {
          header = new TarArchiveEntry(source, name);
          header.setMode((header.getMode() & ~0777) | entry.getPermissions().getPermissionBits());
        }
        header.setUserId(0);
        header.setGroupId(0);
        header.setUserName("");
        header.setGroupName("");
        times(header, entry.getModificationTime());
        if (!names.add(header.getName())) {
          throw new IOException("the layer holds " + header.getName() + " twice");
        }
        tar.putArchiveEntry(header);
        if (!link && !header.isDirectory()) {
          try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(tar);
          }
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }, true);
  }

  /** Every time of the entry, as jib-core sets them: so the bytes depend on no clock. */
  private static void times(TarArchiveEntry header, Instant time) {
    header.setModTime(time.toEpochMilli());
    String value = time.getEpochSecond() + "." + time.getNano();
    header.addPaxHeader("mtime", value);
    header.addPaxHeader("atime", value);
    header.addPaxHeader("ctime", value);
    header.addPaxHeader("LIBARCHIVE.creationtime", value);
  }
}
