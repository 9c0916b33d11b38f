package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.oci.Descriptor;
import java.util.List;
import java.util.Optional;

/**
 * One image of an OCI layout, its manifest and config read and verified, its layers present.
 *
 * @param manifestDigest the image manifest's digest
 * @param refName the tag it was chosen by, or carries, in the layout
 * @param config the config's descriptor
 * @param configBytes the config, verified
 * @param layers the layers' descriptors, bottom first
 */
public record LayoutImage(
    String manifestDigest,
    Optional<String> refName,
    Descriptor config,
    byte[] configBytes,
    List<Descriptor> layers) {

  /** @param layers copied defensively */
  public LayoutImage {
    layers = List.copyOf(layers);
  }
}
