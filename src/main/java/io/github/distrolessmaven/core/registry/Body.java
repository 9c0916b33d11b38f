package io.github.distrolessmaven.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request's body, of known length, which may be sent more than once (once per scheme tried). */
public interface Body {

  /** In bytes. */
  long length();

  /** Writes the whole body. */
  void writeTo(OutputStream out) throws IOException;

  /** A body held in memory. */
  static Body of(byte[] bytes) {
    return new Body() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }

  /** A body read from a file. */
  static Body of(Path file) throws IOException {
    return of(Files.size(file), () -> Files.newInputStream(file));
  }

  /** A stream that can be opened again, of a known length. */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  /** A body read from a source that can be opened again, e.g. an entry of an archive. */
  static Body of(long length, Source source) {
    return new Body() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = source.open()) {
          in.transferTo(out);
        }
      }
    };
  }
}
