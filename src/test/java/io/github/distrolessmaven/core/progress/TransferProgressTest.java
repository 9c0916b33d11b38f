package io.github.distrolessmaven.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.registry.Body;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a transfer says while it runs, on a clock the test moves. */
class TransferProgressTest {

  private static final long MB = 1024 * 1024;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<String> lines = new ArrayList<>();
  private final List<String> bars = new ArrayList<>();

  private BuildLog log(boolean interactive) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        lines.add(message);
      }

      @Override
      public void warn(String message) {}

      @Override
      public void debug(String message) {}

      @Override
      public boolean interactive() {
        return interactive;
      }

      @Override
      public void bar(String text) {
        bars.add(text);
      }
    };
  }

  private void seconds(double seconds) {
    now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
  }

  /** A body of {@code size} bytes whose first {@code sent} bytes are written, then stops. */
  private static void send(Body body, long sent) throws IOException {
    try {
      body.writeTo(new OutputStream() {
        long written;

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          written += length;
          if (written > sent) {
            throw new IOException("stop here");
          }
        }
      });
    } catch (IOException e) {
      // Where the test wants it to stop.
    }
  }

  /** A body of zeros, written as a socket's would be: 64 kB at a time. */
  private static Body bytes(long size) {
    return new Body() {
      @Override
      public long length() {
        return size;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long left = size; left > 0; left -= chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
      }
    };
  }

  @Test
  void batchModeSaysNothingInTheFirstSecondThenALineEveryFewSeconds() throws Exception {
    TransferProgress progress = new TransferProgress("Pushing", log(false), now::get, false);
    Body layer = progress.track("sha256:0123456789abcdef0123", bytes(8 * MB));
    send(layer, 2 * MB);

    seconds(0.5);
    progress.report();
    assertEquals(List.of(), lines, "under a second: no noise");

    seconds(0.5);
    progress.report();
    assertEquals(List.of("Pushing: 2.0 MB of 8.0 MB (25%), 2.0 MB/s;"
        + " sha256:0123456789ab 2.0 MB of 8.0 MB"), lines);

    seconds(1);
    progress.report();
    assertEquals(1, lines.size(), "the next line comes a few seconds after");
    seconds(2);
    send(layer, 6 * MB);
    progress.report();
    assertEquals(2, lines.size());
    assertEquals("Pushing: 6.0 MB of 8.0 MB (75%), 1.5 MB/s; sha256:0123456789ab 6.0 MB of"
        + " 8.0 MB", lines.get(1), "a retry counts from nothing again, not on top");
    assertEquals(List.of(), bars);
  }

  @Test
  void anInteractiveConsoleGetsABarRedrawnAndClearedBeforeALine() throws Exception {
    TransferProgress progress = new TransferProgress("Pushing", log(true), now::get, false);
    Body layer = progress.track("sha256:0123456789abcdef0123", bytes(8 * MB));
    send(layer, 4 * MB);
    seconds(2);
    progress.report();

    assertEquals(List.of("Pushing: [============            ] 4.0 MB of 8.0 MB (50%), 2.0 MB/s;"
        + " sha256:0123456789ab 4.0 MB of 8.0 MB"), bars);
    progress.info("Layer sha256:0123456789ab (8.0 MB): pushed");
    assertEquals("", bars.get(1), "the bar is cleared before the line");
    assertEquals(List.of("Layer sha256:0123456789ab (8.0 MB): pushed"), lines);
  }

  @Test
  void aBlobBeingReceivedIsCountedAsItIsRead() throws Exception {
    TransferProgress progress = new TransferProgress("Pulling the base", log(false), now::get,
        false);
    java.io.InputStream layer = progress.reading("sha256:fedcba9876543210fedc", 4 * MB,
        new java.io.ByteArrayInputStream(new byte[(int) (4 * MB)]));
    layer.readNBytes((int) MB);
    seconds(1);
    progress.report();

    assertEquals(List.of("Pulling the base: 1.0 MB of 4.0 MB (25%), 1.0 MB/s;"
        + " sha256:fedcba987654 1.0 MB of 4.0 MB"), lines);
  }

  @Test
  void nothingIsSaidOnceEverythingIsSent() throws Exception {
    TransferProgress progress = new TransferProgress("Pushing", log(false), now::get, false);
    Body small = progress.track("sha256:aaaaaaaaaaaaaaaaaaaa", bytes(MB));
    small.writeTo(OutputStream.nullOutputStream());
    seconds(5);
    progress.report();
    assertTrue(lines.isEmpty(), lines.toString());
  }
}
