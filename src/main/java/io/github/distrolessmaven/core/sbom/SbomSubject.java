package io.github.distrolessmaven.core.sbom;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.util.Objects;

/**
 * The image an SBOM describes.
 *
 * @param repository where the image lives, without tag, e.g. {@code registry:5000/team/app}
 * @param digest the image's manifest digest, {@code sha256:...}
 */
public record SbomSubject(String repository, String digest) {

  public SbomSubject {
    Objects.requireNonNull(repository, "repository");
    if (!Sha256.DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
  }

  /** The last path segment, the name a {@code pkg:oci} package URL uses. */
  String name() {
    return repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
