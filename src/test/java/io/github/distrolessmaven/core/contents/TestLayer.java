package io.github.distrolessmaven.core.contents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** A layer tar written in memory, entry by entry in the order given. */
final class TestLayer {

  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  TestLayer dir(String name) {
    return add(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"), null);
  }

  TestLayer file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  TestLayer file(String name, byte[] content) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    return add(entry, content);
  }

  TestLayer symlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    return add(entry, null);
  }

  TestLayer hardLink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
    entry.setLinkName(target);
    return add(entry, null);
  }

  /** The whiteout of {@code name}: an empty file named {@code .wh.BASE} beside it. */
  TestLayer whiteout(String name) {
    int slash = name.lastIndexOf('/');
    return file(name.substring(0, slash + 1) + ".wh." + name.substring(slash + 1), "");
  }

  TestLayer opaque(String directory) {
    return file(directory + "/.wh..wh..opq", "");
  }

  private TestLayer add(TarArchiveEntry entry, byte[] content) {
    entries.add(entry);
    contents.add(content);
    return this;
  }

  byte[] tar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < entries.size(); i++) {
        tar.putArchiveEntry(entries.get(i));
        if (contents.get(i) != null) {
          tar.write(contents.get(i));
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  byte[] gzip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(tar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
