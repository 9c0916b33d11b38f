package io.github.distrolessmaven.core.push;

import java.util.List;

/**
 * What a push wrote.
 *
 * @param image the target reference
 * @param digest the manifest digest, the archive's and the registry's
 * @param tags every tag written, the target's first
 * @param size config plus layers, in bytes
 */
public record PushedImage(String image, String digest, List<String> tags, long size) {

  /** @param tags copied defensively */
  public PushedImage {
    tags = List.copyOf(tags);
  }
}
