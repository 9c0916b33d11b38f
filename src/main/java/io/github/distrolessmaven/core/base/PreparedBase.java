package io.github.distrolessmaven.core.base;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A base image on disk, ready for jib-core: {@code Jib.from(TarImage.at(dockerArchive()))}.
 *
 * @param dockerArchive a docker-archive holding one image whose layers jib-core can read: the
 *     user's own file for a docker-archive, else one written under the work directory
 * @param description the base for logs and messages, e.g. {@code OCI layout /x (ref 1.0)}
 * @param manifestDigest the digest of the image manifest for OCI inputs, as their index names it
 *     (what a registry reports for the same image, e.g. for the
 *     {@code org.opencontainers.image.base.digest} label); empty for a docker-archive, which
 *     records no manifest
 * @param configDigest the digest of the base's container configuration, {@code sha256:...}
 */
public record PreparedBase(
    Path dockerArchive, String description, Optional<String> manifestDigest, String configDigest) {

  public PreparedBase {
    Objects.requireNonNull(dockerArchive, "dockerArchive");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(configDigest, "configDigest");
  }
}
