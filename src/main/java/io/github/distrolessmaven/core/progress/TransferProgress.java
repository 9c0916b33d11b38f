package io.github.distrolessmaven.core.progress;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.registry.Body;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a long transfer has done so far, said while it runs (a push's blobs as they are sent, a
 * base's layers as they are received): total and per-blob bytes and the rate. In batch mode (and CI logs) a line after the first second, then one every few seconds,
 * so that a large push is never silent for long; on an interactive console a bar redrawn in
 * place instead. Nothing for a transfer done within a second, and nothing at all where the log
 * shows no info lines ({@code -q}).
 */
public final class TransferProgress {

  /** No report for work done sooner: it would be noise. */
  static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Between two lines in batch mode. */
  static final long LINE_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final long BAR_TICK_MILLIS = 250;
  private static final int BAR_WIDTH = 24;

  private final String verb;
  private final BuildLog log;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
  private final boolean tick;
  private ScheduledFuture<?> ticking;
  private long lastLine;
  private boolean barShown;

  /**
   * One daemon thread for every transfer of the build: a transfer's reports are scheduled on it
   * while it sends, and end when nothing is in flight.
   */
  private static final ScheduledExecutorService TICKER =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "distroless-progress");
        thread.setDaemon(true);
        return thread;
      });

  private static final class Blob {
    final long size;
    final AtomicLong sent = new AtomicLong();

    Blob(long size) {
      this.size = size;
    }
  }

  TransferProgress(String verb, BuildLog log, LongSupplier clock, boolean tick) {
    this.verb = verb;
    this.log = log;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastLine = start;
    this.tick = tick && log.showsProgress();
  }

  /**
   * Starts reporting a transfer.
   *
   * @param verb what the transfer does, e.g. {@code Pushing}
   */
  public static TransferProgress start(String verb, BuildLog log) {
    return new TransferProgress(verb, log, System::nanoTime, true);
  }

  /**
   * The body, counted as it is sent. A body sent again (a retry) counts from nothing again.
   *
   * @param name the blob's digest
   */
  public Body track(String name, Body body) {
    Blob blob = blobs.computeIfAbsent(name, key -> {
      total.addAndGet(body.length());
      return new Blob(body.length());
    });
    startTicking();
    return new Body() {
      @Override
      public long length() {
        return body.length();
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        done.addAndGet(-blob.sent.getAndSet(0));
        body.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            blob.sent.addAndGet(length);
            done.addAndGet(length);
          }

          @Override
          public void write(int b) throws IOException {
            out.write(b);
            blob.sent.incrementAndGet();
            done.incrementAndGet();
          }
        });
      }
    };
  }

  /**
   * The stream of a blob being received, counted as it is read.
   *
   * @param name the blob's digest
   * @param size its size as announced, for the total
   */
  public InputStream reading(String name, long size, InputStream in) {
    Blob blob = blobs.computeIfAbsent(name, key -> {
      total.addAndGet(size);
      return new Blob(size);
    });
    done.addAndGet(-blob.sent.getAndSet(0));
    startTicking();
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          blob.sent.incrementAndGet();
          done.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = in.read(bytes, offset, length);
        if (read > 0) {
          blob.sent.addAndGet(read);
          done.addAndGet(read);
        }
        return read;
      }
    };
  }

  /** Logs a line, the bar cleared first so that the line stands on its own. */
  public synchronized void info(String message) {
    clearBar();
    log.info(message);
  }

  private synchronized void startTicking() {
    if (tick && ticking == null) {
      long period = log.interactive() ? BAR_TICK_MILLIS : 1000;
      ticking = TICKER.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** Says where the transfer is, if it has run long enough to be worth saying. */
  synchronized void report() {
    long now = clock.getAsLong();
    if (done.get() >= total.get()) {
      // Nothing in flight: quiet until the next blob is sent.
      clearBar();
      if (ticking != null) {
        ticking.cancel(false);
        ticking = null;
      }
      return;
    }
    if (now - start < QUIET_NANOS) {
      return;
    }
    if (log.interactive()) {
      log.bar(line(now, true));
      barShown = true;
    } else if (now - lastLine >= LINE_NANOS || lastLine == start) {
      log.info(line(now, false));
      lastLine = now;
    }
  }

  /** "Pushing: 120.0 MB of 600.0 MB (20%), 24.0 MB/s; sha256:0123456789ab 80.0 of 200.0 MB". */
  String line(long now, boolean bar) {
    // The blobs first, then the total, which counts their bytes too: a byte that arrives
    // between the two reads shows in the total, never only in its blob.
    StringBuilder blobText = new StringBuilder();
    new TreeMap<>(blobs).forEach((digest, blob) -> {
      long blobSent = blob.sent.get();
      if (blobSent > 0 && blobSent < blob.size) {
        blobText.append("; ").append(LogText.shortDigest(digest)).append(' ')
            .append(LogText.size(blobSent)).append(" of ").append(LogText.size(blob.size));
      }
    });
    long sent = done.get();
    long all = Math.max(total.get(), 1);
    double seconds = Math.max(now - start, 1) / 1e9;
    StringBuilder text = new StringBuilder(verb).append(": ");
    if (bar) {
      int filled = (int) (BAR_WIDTH * sent / all);
      text.append('[').append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled))
          .append("] ");
    }
    text.append(LogText.size(sent)).append(" of ").append(LogText.size(total.get()))
        .append(String.format(Locale.ROOT, " (%d%%), %s/s", 100 * sent / all,
            LogText.size((long) (sent / seconds))));
    return text.append(blobText).toString();
  }

  private void clearBar() {
    if (barShown) {
      log.bar("");
      barShown = false;
    }
  }

}
