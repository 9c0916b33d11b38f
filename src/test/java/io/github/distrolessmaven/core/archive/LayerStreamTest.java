package io.github.distrolessmaven.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.contents.LayerScanner;
import io.github.distrolessmaven.core.fixtures.TestLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class LayerStreamTest {

  @Test
  void readsAGzipLayer() throws IOException {
    try (TarArchiveInputStream tar =
        LayerStream.open(new ByteArrayInputStream(new TestLayer().file("a", "x").gzip()))) {
      assertEquals("a", tar.getNextEntry().getName());
    }
  }

  @Test
  void readsAPlainLayer() throws IOException {
    try (TarArchiveInputStream tar =
        LayerStream.open(new ByteArrayInputStream(new TestLayer().file("a", "x").tar()))) {
      assertEquals("a", tar.getNextEntry().getName());
    }
  }

  @Test
  void readsAnEmptyLayer() throws IOException {
    try (TarArchiveInputStream tar =
        LayerStream.open(new ByteArrayInputStream(new TestLayer().tar()))) {
      assertEquals(null, tar.getNextEntry());
    }
  }

  @Test
  void refusesZstdNamingIt() {
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};

    IOException e =
        assertThrows(
            IOException.class, () -> new LayerScanner().apply(new ByteArrayInputStream(zstd)));

    assertTrue(e.getMessage().contains("zstd"), e.getMessage());
  }

  @Test
  void refusesAStreamThatIsNoTar() {
    byte[] text = "{\"not\": \"a tar\"}".repeat(64).getBytes(StandardCharsets.UTF_8);

    IOException e =
        assertThrows(IOException.class, () -> LayerStream.open(new ByteArrayInputStream(text)));

    assertTrue(e.getMessage().contains("neither a tar"), e.getMessage());
  }

  @Test
  void refusesATruncatedGzipLayer() {
    byte[] gzip = new TestLayer().file("a", "x".repeat(10_000)).gzip();
    byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);

    assertThrows(IOException.class, () -> new LayerScanner().apply(new ByteArrayInputStream(cut)));
  }

  @Test
  void leavesTheCallersStreamOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(new TestLayer().file("a", "x").gzip()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    new LayerScanner().apply(in);

    assertFalse(closed[0]);
  }
}
