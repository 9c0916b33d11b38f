package io.github.distrolessmaven.core.layers;

import java.nio.file.Path;

/**
 * One runtime dependency of the project, in Maven's runtime classpath order.
 *
 * @param coordinates its Maven coordinates; the groupId also tells apart two jars with the same
 *     file name
 * @param file the jar (or, for a reactor module not yet packaged, its classes directory)
 * @param origin which layer the dependency belongs in
 */
public record Dependency(MavenCoordinates coordinates, Path file, Origin origin) {

  /** The groupId, which tells apart two jars with the same file name. */
  public String groupId() {
    return coordinates.groupId();
  }

  /** Where a dependency comes from, which decides how often its layer changes. */
  public enum Origin {
    /** A released artifact: changes only when the POM does. */
    RELEASE,
    /** A SNAPSHOT artifact from a repository: changes now and then. */
    SNAPSHOT,
    /** Another module of the same build: changes as often as the project. */
    REACTOR_MODULE
  }
}
