package io.github.distrolessmaven.core.layers;

import java.util.Objects;

/**
 * A dependency's Maven coordinates, as the SBOM names it ({@code pkg:maven/...}).
 *
 * @param groupId the groupId
 * @param artifactId the artifactId
 * @param version the resolved version (a timestamped one for a deployed SNAPSHOT)
 * @param classifier the classifier, empty for none
 * @param type the type, e.g. {@code jar}
 */
public record MavenCoordinates(
    String groupId, String artifactId, String version, String classifier, String type) {

  public MavenCoordinates {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    classifier = classifier == null ? "" : classifier;
    type = type == null || type.isEmpty() ? "jar" : type;
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
  }
}
