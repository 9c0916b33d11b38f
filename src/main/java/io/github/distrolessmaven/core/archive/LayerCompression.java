package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How a layer blob is compressed, told from its first bytes as jib-core tells it. jib-core looks
 * at the first layer only and treats every layer the same: gzip ones are cached as they are, any
 * other is gzip-compressed. So a zstd layer, or a mix of compressed and uncompressed layers, would
 * silently become a broken image; such bases are refused here instead.
 */
enum LayerCompression {
  GZIP,
  ZSTD,
  NONE;

  /**
   * @param base the base as a message names it
   * @param skopeoSource the base as skopeo names it, for the fix: {@code oci:/dir}
   */
  static void requireReadable(
      ImageFiles files, List<String> layers, String base, String skopeoSource)
      throws InvalidConfigurationException, ImageBuildException {
    List<LayerCompression> kinds = new ArrayList<>();
    for (String layer : layers) {
      LayerCompression kind = sniff(files, layer);
      if (kind == ZSTD) {
        throw LocalBaseImage.invalid(
            files.where(layer) + " is a zstd-compressed layer, which jib-core cannot read. "
                + convert(skopeoSource));
      }
      kinds.add(kind);
    }
    if (kinds.contains(GZIP) && kinds.contains(NONE)) {
      throw LocalBaseImage.invalid(
          base + " mixes gzip-compressed and uncompressed layers (layer "
              + (kinds.indexOf(GZIP) + 1) + " is compressed, layer " + (kinds.indexOf(NONE) + 1)
              + " is not), and jib-core reads a base's layers all one way. "
              + convert(skopeoSource));
    }
  }

  static LayerCompression sniff(ImageFiles files, String layer) throws ImageBuildException {
    byte[] magic;
    try (InputStream in = files.open(layer)) {
      magic = in.readNBytes(4);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read " + files.where(layer) + ": " + e.getMessage(), e);
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }

  private static String convert(String skopeoSource) {
    return "Convert it to a docker-archive, whose layers are all uncompressed: skopeo copy "
        + skopeoSource + " docker-archive:/path/base.tar, then use tar:///path/base.tar.";
  }
}
