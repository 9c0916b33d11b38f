package io.github.distrolessmaven.core.blobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {

  private static final int BLOCK = ParallelGzipOutputStream.BLOCK_SIZE;
  private static final ExecutorService FOUR = Executors.newFixedThreadPool(4);

  @AfterAll
  static void stop() {
    FOUR.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 32 * 1024 - 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + BLOCK / 2})
  void anyGzipReaderGetsTheBytesBack(int size) throws IOException {
    byte[] data = mixed(size);
    assertArrayEquals(data, gunzip(gzip(data, FOUR, 4)));
  }

  @Test
  void theBytesDoNotDependOnTheThreads() throws IOException {
    byte[] data = mixed(5 * BLOCK + 12345);
    assertArrayEquals(gzip(data, Runnable::run, 1), gzip(data, FOUR, 4));
  }

  @Test
  void blocksShareTheirWindowSoTheRatioStaysAsGood() throws IOException {
    // Text that repeats every 20 kB: each block compresses well only if it sees the end of the
    // block before it.
    byte[] data = repeating(4 * BLOCK);
    ByteArrayOutputStream serial = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(serial)) {
      gzip.write(data);
    }
    int parallel = gzip(data, FOUR, 4).length;
    assertTrue(parallel <= serial.size() * 1.01 + 64,
        parallel + " bytes in parallel, " + serial.size() + " serially");
  }

  /**
   * An application's classes make a layer of some kilobytes: compressing it must not take a
   * block's megabyte (twice, input and output), which the JVM keeps in heap regions of their own.
   */
  @Test
  void aSmallLayerTakesLittleMemory() throws IOException {
    byte[] data = mixed(20_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    try (ParallelGzipOutputStream gzip =
        new ParallelGzipOutputStream(out, Runnable::run, 1, Deflater.DEFAULT_COMPRESSION)) {
      gzip.write(data);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < BLOCK / 4, allocated + " bytes allocated for a 20 kB stream");
    assertArrayEquals(data, gunzip(out.toByteArray()));
  }

  @Test
  void aFailingStreamBelowFailsTheWrite() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    IOException e = assertThrows(IOException.class, () -> {
      try (ParallelGzipOutputStream gzip =
          new ParallelGzipOutputStream(broken, FOUR, 4, Deflater.DEFAULT_COMPRESSION)) {
        gzip.write(mixed(2 * BLOCK));
      }
    });
    assertEquals("disk full", e.getMessage());
  }

  /**
   * On a synchronous executor every block is deflated before {@code write()} returns, so the
   * stream below fails inside {@code write()}, always: the case that, on a pool, happens only
   * when the timing falls so. {@code close()} must then not throw that same exception again, or
   * try-with-resources fails with "Self-suppression not permitted" instead of the disk's error.
   */
  @Test
  void aFailureInsideWriteIsNotThrownAgainByClose() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    IOException e = assertThrows(IOException.class, () -> {
      try (ParallelGzipOutputStream gzip =
          new ParallelGzipOutputStream(broken, Runnable::run, 1, Deflater.DEFAULT_COMPRESSION)) {
        gzip.write(mixed(2 * BLOCK));
      }
    });
    assertEquals("No space left on device", e.getMessage());
    for (Throwable suppressed : e.getSuppressed()) {
      assertTrue(suppressed != e, "the failure was added to itself");
    }
  }

  @Test
  void aWriteOrFinishAfterAFailureSaysSoWithTheFirstFailureAsCause() throws IOException {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    ParallelGzipOutputStream gzip =
        new ParallelGzipOutputStream(broken, Runnable::run, 1, Deflater.DEFAULT_COMPRESSION);
    IOException first = assertThrows(IOException.class, () -> gzip.write(mixed(2 * BLOCK)));
    IOException again = assertThrows(IOException.class, () -> gzip.write(new byte[1]));
    IOException atFinish = assertThrows(IOException.class, gzip::finish);
    assertTrue(again != first && again.getCause() == first, "a later write rethrew the instance");
    assertTrue(atFinish != first && atFinish.getCause() == first, "finish rethrew the instance");
    gzip.close();
  }

  private static byte[] gzip(byte[] data, java.util.concurrent.Executor executor, int parallelism)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParallelGzipOutputStream gzip =
        new ParallelGzipOutputStream(out, executor, parallelism, Deflater.DEFAULT_COMPRESSION)) {
      // Uneven writes, as a tar writer makes them.
      for (int i = 0; i < data.length; i += 7000) {
        gzip.write(data, i, Math.min(7000, data.length - i));
      }
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  /** Half random (as jars are), half text. */
  private static byte[] mixed(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    byte[] text = repeating(size / 2);
    System.arraycopy(text, 0, data, 0, text.length);
    return data;
  }

  private static byte[] repeating(int size) {
    byte[] period = new byte[20_000];
    new Random(42).nextBytes(period);
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = period[i % period.length];
    }
    return data;
  }
}
