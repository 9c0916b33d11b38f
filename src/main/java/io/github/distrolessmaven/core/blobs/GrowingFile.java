package io.github.distrolessmaven.core.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written by one thread and read by another while it is written: the reader follows the
 * writer and waits where it has caught up, until the writer closes (end of the file) or fails
 * (the reader gets the writer's error). A download is read as it arrives, and the writer never
 * waits for the reader: the file is the buffer.
 */
public final class GrowingFile {

  private final Path file;
  private long written;
  private boolean closed;
  private Throwable failure;

  /** @param file created empty (or truncated) by {@link #output()} */
  public GrowingFile(Path file) {
    this.file = file;
  }

  /** The file's path. */
  public Path path() {
    return file;
  }

  /**
   * The writing end; open it once, before {@link #follow()}. Closing it ends the file for the
   * reader.
   */
  public OutputStream output() throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        grew(len);
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } finally {
          end();
        }
      }
    };
  }

  /**
   * Tells the reader that writing failed: it gets an IOException with {@code cause} instead of
   * the end of the file. The writer still closes its output.
   */
  public synchronized void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
    closed = true;
    notifyAll();
  }

  /** The reading end: the bytes written so far and all that follow, to the end. */
  public InputStream follow() throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    return new InputStream() {
      private long position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        long available = awaitBeyond(position);
        if (available < 0) {
          return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, available)), position);
        if (n < 0) {
          throw new IOException(file + " is shorter than the " + (position + available)
              + " bytes written to it");
        }
        position += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  private synchronized void grew(int bytes) {
    written += bytes;
    notifyAll();
  }

  private synchronized void end() {
    closed = true;
    notifyAll();
  }

  /**
   * How many bytes past {@code position} can be read now, waiting until there is one; -1 at the
   * end.
   */
  private synchronized long awaitBeyond(long position) throws IOException {
    while (written <= position && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + file);
      }
    }
    if (failure != null) {
      throw new IOException("writing " + file + " failed: " + failure.getMessage(), failure);
    }
    return written > position ? written - position : -1;
  }
}
