package io.github.distrolessmaven.core.base;

import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.Compression;
import io.github.distrolessmaven.core.archive.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a base whose layers jib-core would read wrongly. jib-core looks at the first layer only
 * and treats every layer the same: gzip ones are cached as they are, any other is
 * gzip-compressed. So a zstd layer, or a mix of compressed and uncompressed layers, would
 * silently become a broken image.
 */
final class LayerCompressions {

  private LayerCompressions() {}

  /**
   * @param base the base as a message names it
   * @param skopeoSource the base as skopeo names it, for the fix: {@code oci:/dir}
   * @throws ArchiveException UNUSABLE for a zstd layer or a mix, UNREADABLE when a layer cannot
   *     be read
   */
  static void requireReadable(
      ImageFiles files, List<String> layers, String base, String skopeoSource)
      throws ArchiveException {
    List<Compression> kinds = new ArrayList<>();
    for (String layer : layers) {
      Compression kind = of(files, layer);
      if (kind == Compression.ZSTD) {
        throw ArchiveException.unusable(files.where(layer) + " is a zstd-compressed layer, which"
            + " jib-core cannot read. " + convert(skopeoSource));
      }
      kinds.add(kind);
    }
    if (kinds.contains(Compression.GZIP) && kinds.contains(Compression.NONE)) {
      throw ArchiveException.unusable(
          base + " mixes gzip-compressed and uncompressed layers (layer "
              + (kinds.indexOf(Compression.GZIP) + 1) + " is compressed, layer "
              + (kinds.indexOf(Compression.NONE) + 1) + " is not), and jib-core reads a base's"
              + " layers all one way. " + convert(skopeoSource));
    }
  }

  private static Compression of(ImageFiles files, String layer) throws ArchiveException {
    try (InputStream in = files.open(layer)) {
      return Compression.of(in.readNBytes(Compression.MAGIC_LENGTH));
    } catch (IOException e) {
      throw ArchiveException.unreadable(
          "Cannot read " + files.where(layer) + ": " + e.getMessage(), e);
    }
  }

  private static String convert(String skopeoSource) {
    return "Convert it to a docker-archive, whose layers are all uncompressed: skopeo copy "
        + skopeoSource + " docker-archive:/path/base.tar, then use tar:///path/base.tar.";
  }
}
