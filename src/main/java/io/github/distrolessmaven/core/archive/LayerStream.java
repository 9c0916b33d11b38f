package io.github.distrolessmaven.core.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens a layer blob as a tar stream. Registries serve layers gzip-compressed, docker save writes
 * them plain; the compression is told by the first bytes ({@link Compression}).
 */
public final class LayerStream {

  private LayerStream() {}

  /**
   * The tar entries of {@code layer}. Closing the result releases the decompressor but leaves
   * {@code layer} open: it belongs to the caller.
   *
   * @throws IOException when the layer is compressed other than with gzip, or is no tar
   */
  public static TarArchiveInputStream open(InputStream layer) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new CloseShield(layer), 1 << 16);
    Compression compression = Compression.peek(in);
    InputStream tar = in;
    if (compression == Compression.GZIP) {
      // Some writers emit several gzip members back to back; all of them are the layer.
      GzipCompressorInputStream gzip =
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get();
      tar = new BufferedInputStream(gzip, 1 << 16);
    } else if (compression != Compression.NONE) {
      throw new IOException("The layer is " + compression.label() + "-compressed; only"
          + " gzip-compressed and uncompressed layers can be scanned");
    }
    requireTar(tar);
    return new TarArchiveInputStream(tar);
  }

  /** Refuses a stream whose first block is neither a tar header nor the end-of-archive. */
  private static void requireTar(InputStream in) throws IOException {
    in.mark(TarHeaders.BLOCK);
    byte[] header = in.readNBytes(TarHeaders.BLOCK);
    in.reset();
    if (header.length == 0 || TarHeaders.isZero(header)) {
      // An empty layer: some builders write one for a step that changed nothing.
      return;
    }
    if (!TarHeaders.isHeader(header)) {
      throw new IOException("The layer is neither a tar archive nor a gzip-compressed one");
    }
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
