package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.Optional;

/** What the build checks in a base's container configuration: its platform and layer count. */
record ImageConfig(Optional<String> os, Optional<String> architecture, int layerCount) {

  /** @param where the config file, as a message names it */
  static ImageConfig parse(byte[] bytes, String where) throws ImageBuildException {
    JsonNode config = ImageJson.parse(bytes, where);
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    if (!config.isObject() || !diffIds.isArray()) {
      throw new ImageBuildException(
          where + " is not a container configuration (it has no rootfs.diff_ids); the image is"
              + " corrupt or not a container image.");
    }
    return new ImageConfig(
        ImageJson.text(config, "os"), ImageJson.text(config, "architecture"), diffIds.size());
  }

  /**
   * Refuses a base built for another platform: Jib would build an image that cannot start. A
   * config that names no platform is let through, as Jib lets it through for a registry base.
   *
   * @param base the base as a message names it, e.g. "the OCI layout /x"
   */
  void requirePlatform(Platform expected, String base) throws InvalidConfigurationException {
    if (os.isEmpty() || architecture.isEmpty()) {
      return;
    }
    Platform actual = Platform.of(os.get(), architecture.get());
    if (!actual.matches(expected)) {
      throw LocalBaseImage.invalid(
          base + " holds an image for " + actual + ", but this build makes a " + expected
              + " image. Use a " + expected + " base, e.g. skopeo copy --override-os "
              + expected.os() + " --override-arch " + expected.architecture()
              + " docker://IMAGE oci:DIR.");
    }
  }

  /** Jib fails with LayerCountMismatchException otherwise; say which file is at fault. */
  void requireLayerCount(int layers, String where, String listing) throws ImageBuildException {
    if (layers != layerCount) {
      throw new ImageBuildException(
          where + " lists " + layerCount + " layers (rootfs.diff_ids), but " + listing + " lists "
              + layers + "; the image is corrupt.");
    }
  }
}
