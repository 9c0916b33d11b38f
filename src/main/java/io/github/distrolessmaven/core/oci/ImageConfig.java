package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the build reads of an image's container configuration: its platform, the digests of its
 * layers uncompressed, and when it was made.
 *
 * @param os the operating system it names, if any
 * @param architecture the architecture it names, if any
 * @param variant the CPU variant it names, if any
 * @param diffIds {@code rootfs.diff_ids}, bottom first
 * @param created {@code created} as written (RFC 3339), if given
 */
public record ImageConfig(Optional<String> os, Optional<String> architecture,
    Optional<String> variant, List<String> diffIds, Optional<String> created) {

  /** @param diffIds copied defensively */
  public ImageConfig {
    diffIds = List.copyOf(diffIds);
  }

  /**
   * @param where the config, as a message names it
   * @throws FormatException when it is not JSON or has no {@code rootfs.diff_ids}
   */
  public static ImageConfig parse(byte[] bytes, String where) throws FormatException {
    JsonNode config = Json.read(bytes, where);
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    if (!config.isObject() || !diffIds.isArray()) {
      throw new FormatException(where + " is not a container configuration (it has no"
          + " rootfs.diff_ids); the image is corrupt or not a container image.");
    }
    List<String> ids = new ArrayList<>();
    diffIds.forEach(id -> ids.add(id.asText()));
    return new ImageConfig(Json.text(config, "os"), Json.text(config, "architecture"),
        Json.text(config, "variant"), ids, Json.text(config, "created"));
  }

  /** The platform it names; empty when it names none. */
  public Optional<Platform> platform() {
    return os.isPresent() && architecture.isPresent()
        ? Optional.of(Platform.of(os.get(), architecture.get(), variant.orElse(null)))
        : Optional.empty();
  }
}
