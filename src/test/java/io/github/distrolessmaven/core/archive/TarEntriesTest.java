package io.github.distrolessmaven.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarEntriesTest {

  @TempDir Path dir;

  /** Blobs of one archive are pushed side by side: each stream reads its own entry's bytes. */
  @Test
  void entriesReadSideBySideEachGiveTheirOwnBytes() throws Exception {
    List<byte[]> contents = new ArrayList<>();
    Random random = new Random(7);
    Path tar = dir.resolve("blobs.tar");
    try (OutputStream file = Files.newOutputStream(tar);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      for (int i = 0; i < 4; i++) {
        byte[] content = new byte[4 << 20];
        random.nextBytes(content);
        contents.add(content);
        TarArchiveEntry entry = new TarArchiveEntry("blob-" + i);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
      }
    }

    ExecutorService pool = Executors.newFixedThreadPool(contents.size());
    try (TarEntries entries = TarEntries.open(tar)) {
      List<Future<byte[]>> read = new ArrayList<>();
      for (int i = 0; i < contents.size(); i++) {
        String name = "blob-" + i;
        read.add(pool.submit(() -> readInSmallSteps(entries, name)));
      }
      for (int i = 0; i < contents.size(); i++) {
        assertArrayEquals(contents.get(i), read.get(i).get(), "blob-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] readInSmallSteps(TarEntries entries, String name) throws IOException {
    byte[] all = new byte[4 << 20];
    try (InputStream in = entries.open(name)) {
      int at = 0;
      for (int n; at < all.length && (n = in.read(all, at, Math.min(512, all.length - at))) > 0; ) {
        at += n;
      }
    }
    return all;
  }
}
