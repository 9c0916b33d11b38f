package io.github.distrolessmaven.core.jib;

import java.util.List;

/**
 * What a build produced.
 *
 * @param image the target reference, with its tag
 * @param digest the manifest digest, {@code sha256:...}
 * @param imageId the config digest
 * @param tags every tag written
 * @param base the base reference, pinned by digest where known
 * @param size compressed layers plus config, in bytes
 */
public record BuiltImage(
    String image, String digest, String imageId, List<String> tags, String base, long size) {

  /** @param tags copied defensively */
  public BuiltImage {
    tags = List.copyOf(tags);
  }
}
