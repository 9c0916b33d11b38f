package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.output.BuiltImage;
import java.util.List;

/**
 * What a push wrote.
 *
 * @param image the target reference
 * @param digest the manifest digest, the archive's and the registry's
 * @param tags every tag written, the target's first
 * @param size config plus layers, in bytes
 * @param platforms for an image index, each platform's image, in the index's order; empty for
 *     an image of one platform
 */
public record PushedImage(String image, String digest, List<String> tags, long size,
    List<BuiltImage.PlatformImage> platforms) {

  /** @param tags copied defensively */
  public PushedImage {
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }
}
