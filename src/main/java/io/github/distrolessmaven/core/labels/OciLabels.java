package io.github.distrolessmaven.core.labels;

import io.github.distrolessmaven.core.spec.ProjectMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code org.opencontainers.image.*} annotations (as image labels), from the POM and the
 * base. A user's own {@code <labels>} win over the derived ones.
 */
public final class OciLabels {

  static final String PREFIX = "org.opencontainers.image.";

  private OciLabels() {}

  /**
   * @param project what the POM says
   * @param created the image's creation time
   * @param baseName the base image reference as the user named it
   * @param baseDigest the base manifest's digest, or null when unknown
   * @param userLabels the user's {@code <container><labels>}
   * @return the labels, derived ones first, in a stable order
   */
  public static Map<String, String> derive(
      ProjectMetadata project,
      Instant created,
      String baseName,
      String baseDigest,
      Map<String, String> userLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    put(labels, "title", project.title());
    put(labels, "description", project.description());
    put(labels, "version", project.version());
    put(labels, "url", project.url());
    put(labels, "source", project.source());
    put(labels, "revision", project.revision());
    put(labels, "licenses", project.licenses());
    put(labels, "vendor", project.vendor());
    put(labels, "created", created.toString());
    put(labels, "base.name", baseName);
    put(labels, "base.digest", baseDigest);
    labels.putAll(userLabels);
    return labels;
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(PREFIX + key, value.trim());
    }
  }
}
