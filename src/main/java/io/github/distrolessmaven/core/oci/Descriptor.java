package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.util.Objects;

/**
 * An OCI content descriptor: what a manifest says about another blob or manifest.
 *
 * @param mediaType the media type of the content
 * @param digest its digest, {@code sha256:...}
 * @param size its length in bytes
 */
public record Descriptor(String mediaType, String digest, long size) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    if (!Sha256.DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
  }

  /** The descriptor of these exact bytes. */
  public static Descriptor of(String mediaType, byte[] content) {
    return new Descriptor(mediaType, Sha256.of(content), content.length);
  }

  /** Writes mediaType, digest and size into {@code node}, in that order. */
  void writeTo(ObjectNode node) {
    node.put("mediaType", mediaType);
    node.put("digest", digest);
    node.put("size", size);
  }
}
