package io.github.distrolessmaven.core.contents;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens a layer blob as a tar stream. Registries serve layers gzip-compressed, docker save writes
 * them plain; the compression is told by the first bytes, because a media type is not always at
 * hand and is sometimes wrong.
 */
final class LayerStream {

  private static final int BLOCK = 512;

  private LayerStream() {}

  /**
   * The tar entries of {@code layer}. Closing the result releases the decompressor but leaves
   * {@code layer} open: it belongs to the caller.
   *
   * @throws IOException when the layer is compressed other than with gzip, or is no tar
   */
  static TarArchiveInputStream open(InputStream layer) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new CloseShield(layer), 1 << 16);
    byte[] magic = peek(in, 6);
    InputStream tar = in;
    if (startsWith(magic, 0x1f, 0x8b)) {
      // Some writers emit several gzip members back to back; all of them are the layer.
      GzipCompressorInputStream gzip =
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get();
      tar = new BufferedInputStream(gzip, 1 << 16);
    } else {
      String compression = unsupported(magic);
      if (compression != null) {
        throw new IOException(
            "The layer is "
                + compression
                + "-compressed; only gzip-compressed and uncompressed"
                + " layers can be scanned");
      }
    }
    requireTar(tar);
    return new TarArchiveInputStream(tar);
  }

  private static String unsupported(byte[] magic) {
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "zstd";
    }
    if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return "xz";
    }
    if (startsWith(magic, 'B', 'Z', 'h')) {
      return "bzip2";
    }
    return null;
  }

  /** Refuses a stream whose first block is neither a tar header nor the end-of-archive. */
  private static void requireTar(InputStream in) throws IOException {
    byte[] header = peek(in, BLOCK);
    if (header.length == 0 || isZero(header)) {
      // An empty layer: some builders write one for a step that changed nothing.
      return;
    }
    if (header.length < BLOCK
        || !(TarArchiveInputStream.matches(header, BLOCK) || hasValidChecksum(header))) {
      throw new IOException("The layer is neither a tar archive nor a gzip-compressed one");
    }
  }

  private static boolean hasValidChecksum(byte[] header) {
    try {
      return TarUtils.verifyCheckSum(header);
    } catch (IllegalArgumentException e) {
      // The checksum field holds no octal number: not a tar header.
      return false;
    }
  }

  private static byte[] peek(InputStream in, int length) throws IOException {
    in.mark(length);
    byte[] bytes = in.readNBytes(length);
    in.reset();
    return bytes;
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

  private static boolean isZero(byte[] bytes) {
    return Arrays.equals(bytes, new byte[bytes.length]);
  }

  /** Keeps the caller's stream open when the decompressor over it is closed. */
  private static final class CloseShield extends FilterInputStream {
    CloseShield(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The caller opened the stream and closes it.
    }
  }
}
