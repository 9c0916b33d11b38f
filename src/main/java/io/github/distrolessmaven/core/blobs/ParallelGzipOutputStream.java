package io.github.distrolessmaven.core.blobs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several threads: the input is cut into blocks of {@link
 * #BLOCK_SIZE} bytes, each deflated on its own with the 32 KiB before it as its dictionary, and the
 * pieces are joined, in order, into one gzip member, as pigz does. A layer of a hundred jars
 * deflates in about half the time on two cores, and its size stays within a fraction of a percent
 * of a one-thread gzip's.
 *
 * <p>The bytes written depend on the input and the level only, never on the executor or the
 * timing: layers stay reproducible. At most a few blocks are held at once, and their buffers and
 * deflaters are used again, so that a large layer makes little garbage and little native memory.
 * A block's buffer starts small and grows to the block's size only as input comes, so that a
 * small layer (an application's classes, say) does not make the JVM take a megabyte or two for
 * it: arrays that large take heap regions of their own.
 */
public final class ParallelGzipOutputStream extends OutputStream {

  /** How much input each task deflates; fixed, since it shapes the output. */
  static final int BLOCK_SIZE = 1 << 20;

  /** How large a block's buffer is at first; it doubles, up to the block size, as it fills. */
  static final int FIRST_BUFFER = 64 * 1024;

  private static final int WINDOW = 32 * 1024;
  /** Deflate, no flags, no time, no extra flags, "unknown" OS (255), as java.util.zip writes it. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final OutputStream out;
  private final Executor executor;
  private final int level;
  private final int maxPending;
  private final CRC32 crc = new CRC32();
  private final ArrayDeque<Piece> pending = new ArrayDeque<>();
  /** Input blocks whose piece is written, free to fill again; touched by the writer only. */
  private final ArrayDeque<byte[]> freeBlocks = new ArrayDeque<>();
  /** Output buffers and deflaters not in use; taken and given back by the deflating tasks. */
  private final ConcurrentLinkedQueue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Deflater> freeDeflaters = new ConcurrentLinkedQueue<>();
  private byte[] block = new byte[FIRST_BUFFER];
  private int filled;
  private byte[] dictionary;
  private long size;
  private boolean headerWritten;
  private boolean finished;
  /** Set once a block could not be written: the member would miss it, so nothing more goes. */
  private IOException failure;

  /**
   * @param out where the gzip member goes; closed by {@link #close()}
   * @param executor runs the blocks' deflating
   * @param parallelism how many blocks may be deflating at once
   * @param level the deflate level, as {@link Deflater} takes it
   */
  public ParallelGzipOutputStream(OutputStream out, Executor executor, int parallelism, int level) {
    this.out = out;
    this.executor = executor;
    this.level = level;
    this.maxPending = Math.max(1, parallelism) + 1;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    requireNoFailure();
    if (finished) {
      throw new IOException("the gzip stream is finished");
    }
    crc.update(b, off, len);
    size += len;
    while (len > 0) {
      int n = Math.min(len, BLOCK_SIZE - filled);
      if (filled + n > block.length) {
        block = Arrays.copyOf(block, Math.min(BLOCK_SIZE, Math.max(filled + n, 2 * block.length)));
      }
      System.arraycopy(b, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK_SIZE) {
        submit(false);
      }
    }
  }

  /** Writes everything that is left and the gzip trailer, but leaves the stream below open. */
  public void finish() throws IOException {
    requireNoFailure();
    if (finished) {
      return;
    }
    // The last block ends the deflate stream, even when it holds nothing.
    submit(true);
    finished = true;
    while (!pending.isEmpty()) {
      writeHead();
    }
    writeIntLe((int) crc.getValue());
    writeIntLe((int) size);
    out.flush();
    endDeflaters();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Finishes the member and closes the stream below. After a failure, only closes: the failure was
   * thrown once already, and throwing that same instance again from here would make
   * try-with-resources add it to itself ("Self-suppression not permitted") and hide it.
   */
  @Override
  public void close() throws IOException {
    try {
      if (failure == null) {
        finish();
      }
    } finally {
      pending.forEach(piece -> piece.deflated.cancel(true));
      // A deflater still busy in a cancelled task is ended by its cleaner instead.
      endDeflaters();
      out.close();
    }
  }

  /**
   * A stream that failed takes no more: the member would miss what failed. Each call gets a new
   * exception with the first failure as its cause, never that instance again.
   */
  private void requireNoFailure() throws IOException {
    if (failure != null) {
      throw new IOException("an earlier write failed: " + failure.getMessage(), failure);
    }
  }

  private void submit(boolean last) throws IOException {
    byte[] input = block;
    int length = filled;
    byte[] preset = dictionary;
    // Every block but the last is full, so the window before the next one lies in this one.
    dictionary = length >= WINDOW ? Arrays.copyOfRange(input, length - WINDOW, length) : null;
    block = last ? null : freeBlocks.isEmpty() ? new byte[FIRST_BUFFER] : freeBlocks.pop();
    filled = 0;
    try {
      pending.add(new Piece(input,
          CompletableFuture.supplyAsync(() -> deflate(input, length, preset, last), executor)));
    } catch (RejectedExecutionException e) {
      failure = new IOException("compressing was stopped", e);
      throw failure;
    }
    while (pending.size() >= maxPending
        || (!pending.isEmpty() && pending.peek().deflated().isDone())) {
      writeHead();
    }
  }

  private Output deflate(byte[] input, int length, byte[] preset, boolean last) {
    Deflater deflater = freeDeflaters.poll();
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    // Room for a block that does not compress at all, as jars do not.
    int room = length + length / 64 + 1024;
    byte[] buffer = freeOutputs.poll();
    if (buffer == null || buffer.length < room) {
      buffer = new byte[room];
    }
    int written = 0;
    if (preset != null) {
      deflater.setDictionary(preset);
    }
    deflater.setInput(input, 0, length);
    if (last) {
      deflater.finish();
    }
    while (true) {
      if (written == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int n = last
          ? deflater.deflate(buffer, written, buffer.length - written)
          // A sync flush ends the piece on a byte boundary, so that the next piece follows it.
          : deflater.deflate(buffer, written, buffer.length - written, Deflater.SYNC_FLUSH);
      written += n;
      if (last ? deflater.finished() : written < buffer.length && deflater.needsInput()) {
        break;
      }
    }
    deflater.reset();
    freeDeflaters.add(deflater);
    return new Output(buffer, written);
  }

  private void writeHead() throws IOException {
    try {
      Output piece;
      try {
        piece = pending.peek().deflated.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while compressing");
      } catch (ExecutionException e) {
        throw new IOException("compressing failed: " + e.getCause(), e.getCause());
      }
      freeBlocks.push(pending.remove().input);
      if (!headerWritten) {
        out.write(HEADER);
        headerWritten = true;
      }
      out.write(piece.bytes, 0, piece.length);
      freeOutputs.add(piece.bytes);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private void endDeflaters() {
    for (Deflater deflater = freeDeflaters.poll(); deflater != null;
        deflater = freeDeflaters.poll()) {
      deflater.end();
    }
  }

  /** A block being deflated: its input, given back once its output is written. */
  private record Piece(byte[] input, CompletableFuture<Output> deflated) {}

  /** A block's deflated bytes: the first {@code length} of {@code bytes}. */
  private record Output(byte[] bytes, int length) {}

  private void writeIntLe(int value) throws IOException {
    out.write(value & 0xff);
    out.write((value >>> 8) & 0xff);
    out.write((value >>> 16) & 0xff);
    out.write((value >>> 24) & 0xff);
  }
}
