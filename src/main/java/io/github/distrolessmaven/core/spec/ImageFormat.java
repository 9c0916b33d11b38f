package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.Locale;

/** The media types of the manifest and config: Docker's (what most tools expect) or OCI's. */
public enum ImageFormat {
  /** {@code application/vnd.docker.distribution.manifest.v2+json}. */
  DOCKER,
  /** {@code application/vnd.oci.image.manifest.v1+json}. */
  OCI;

  /** Parses {@code Docker} or {@code OCI}, any case; blank means Docker. */
  public static ImageFormat parse(String value) throws InvalidConfigurationException {
    if (value == null || value.isBlank()) {
      return DOCKER;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          Setting.CONTAINER_FORMAT, "'" + value + "' is not a format. Write Docker or OCI.");
    }
  }
}
