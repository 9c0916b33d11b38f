package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * How a blob or an archive is compressed, told from its first bytes: a media type is not always
 * at hand, and is sometimes wrong.
 */
public enum Compression {
  GZIP("gzip"),
  ZSTD("zstd"),
  XZ("xz"),
  BZIP2("bzip2"),
  NONE("uncompressed");

  /** How many bytes {@link #of(byte[])} looks at. */
  public static final int MAGIC_LENGTH = 6;

  private final String label;

  Compression(String label) {
    this.label = label;
  }

  /** "gzip", "zstd", ..., "uncompressed". */
  public String label() {
    return label;
  }

  /** The compression whose magic number {@code head} starts with; NONE for any other bytes. */
  public static Compression of(byte[] head) {
    if (startsWith(head, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    return NONE;
  }

  /**
   * The compression of a stream that supports mark and reset, read without consuming it.
   */
  public static Compression peek(InputStream in) throws IOException {
    in.mark(MAGIC_LENGTH);
    byte[] head = in.readNBytes(MAGIC_LENGTH);
    in.reset();
    return of(head);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
