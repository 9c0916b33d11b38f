package io.github.distrolessmaven.core.blobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowingFileTest {

  @TempDir Path dir;

  @Test
  void readerFollowsTheWriterAndEndsWhereItCloses() throws Exception {
    GrowingFile file = new GrowingFile(dir.resolve("blob"));
    OutputStream out = file.output();
    CountDownLatch firstRead = new CountDownLatch(1);
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = file.follow()) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          got.write(buffer, 0, n);
          firstRead.countDown();
        }
        return got.toByteArray();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    out.write("first ".getBytes(StandardCharsets.UTF_8));
    // The reader has had the first part while the writer has not gone on: it follows, it does
    // not wait for the end.
    assertTrue(firstRead.await(10, TimeUnit.SECONDS));
    out.write("second".getBytes(StandardCharsets.UTF_8));
    out.close();
    assertEquals("first second",
        new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  @Test
  void aReaderThatStartsLateReadsEverything() throws Exception {
    GrowingFile file = new GrowingFile(dir.resolve("blob"));
    byte[] content = new byte[200_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    try (OutputStream out = file.output()) {
      out.write(content);
    }
    try (InputStream in = file.follow()) {
      assertArrayEquals(content, in.readAllBytes());
    }
  }

  @Test
  void theWritersFailureReachesTheReaderInsteadOfAnEnd() throws Exception {
    GrowingFile file = new GrowingFile(dir.resolve("blob"));
    OutputStream out = file.output();
    out.write(new byte[] {1, 2, 3});
    file.fail(new IOException("connection reset"));
    out.close();
    try (InputStream in = file.follow()) {
      IOException e = assertThrows(IOException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
    }
  }
}
