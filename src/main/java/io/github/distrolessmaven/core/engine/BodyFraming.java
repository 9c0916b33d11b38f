package io.github.distrolessmaven.core.engine;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How an HTTP/1.1 body's end is found: by its {@code Content-Length}, by chunked transfer coding,
 * or by the end of the connection. A body that ends before its framing says it must fails the
 * read with an {@link EOFException}, never a quiet end of stream, so that a truncated image is
 * never taken for a whole one.
 */
final class BodyFraming {

  /** A header or chunk size line longer than this is not one an engine sends. */
  private static final int MAX_LINE = 8192;

  private static final byte[] CRLF = {'\r', '\n'};

  private BodyFraming() {}

  /** The next {@code length} bytes of {@code in}. */
  static InputStream lengthBound(InputStream in, long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int count) throws IOException {
        if (left == 0) {
          return -1;
        }
        if (count == 0) {
          return 0;
        }
        int read = in.read(bytes, offset, (int) Math.min(count, left));
        if (read < 0) {
          throw new EOFException("the engine closed the connection after " + (length - left)
              + " of the " + length + " bytes it announced");
        }
        left -= read;
        return read;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** The body of {@code in} in chunked transfer coding, decoded; trailers are skipped. */
  static InputStream chunked(InputStream in) {
    return new InputStream() {
      private long chunkLeft;
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int count) throws IOException {
        if (count == 0) {
          return done ? -1 : 0;
        }
        if (chunkLeft == 0 && !done) {
          nextChunk();
        }
        if (done) {
          return -1;
        }
        int read = in.read(bytes, offset, (int) Math.min(count, chunkLeft));
        if (read < 0) {
          throw new EOFException("the engine closed the connection in the middle of a chunk");
        }
        chunkLeft -= read;
        if (chunkLeft == 0) {
          expectEmptyLine();
        }
        return read;
      }

      private void nextChunk() throws IOException {
        String line = readLine(in);
        int extension = line.indexOf(';');
        String size = (extension < 0 ? line : line.substring(0, extension)).strip();
        try {
          chunkLeft = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
          throw new IOException("the engine sent a chunk size that is not one: " + size);
        }
        if (chunkLeft < 0) {
          throw new IOException("the engine sent a negative chunk size: " + size);
        }
        if (chunkLeft == 0) {
          while (!readLine(in).isEmpty()) {
            // A trailer; nothing the client reads.
          }
          done = true;
        }
      }

      private void expectEmptyLine() throws IOException {
        if (!readLine(in).isEmpty()) {
          throw new IOException("the engine sent a chunk longer than its size");
        }
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /**
   * Writes what it is given to {@code out} in chunked transfer coding; closing it writes the last
   * chunk and flushes, but leaves {@code out} open for the answer to be read.
   */
  static OutputStream chunked(OutputStream out) {
    return new FilterOutputStream(out) {
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
          throw new IOException("the request body was already ended");
        }
        if (length == 0) {
          // A chunk of size zero would end the body.
          return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write(CRLF);
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    };
  }

  /**
   * A line of {@code in} without its CRLF (a bare LF is taken too), in ISO-8859-1 as HTTP's
   * header lines are.
   *
   * @throws EOFException when the stream ends before the line does
   */
  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(line.length() == 0
            ? "the engine closed the connection where a line was expected"
            : "the engine closed the connection in the middle of a line");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("the engine sent a line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
    }
  }
}
