package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.mainclass.MainClassFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which modules of a build get an image. A {@code pom} module has nothing to put in one. When
 * {@code distroless.containerize} names modules ({@code groupId:artifactId}, or {@code
 * :artifactId}, comma-separated, as Jib's {@code jib.containerize}), only those do. In a
 * multi-module build, a module with no main class (none configured, none in its jar's manifest,
 * none among its classes, and no {@code <entrypoint>}) is a library and is skipped; a
 * single-module build without one is refused instead, naming what to set.
 */
final class ModuleSelection {

  /**
   * A module a selection names.
   *
   * @param groupId empty for {@code :artifactId}, which names the artifactId in any group
   */
  record Module(String groupId, String artifactId) {
    boolean matches(String group, String artifact) {
      return artifactId.equals(artifact) && (groupId.isEmpty() || groupId.equals(group));
    }

    @Override
    public String toString() {
      return groupId + ":" + artifactId;
    }
  }

  private ModuleSelection() {}

  /**
   * The modules {@code distroless.containerize} names; empty when it is not given.
   *
   * @throws InvalidConfigurationException for an entry that is not {@code groupId:artifactId}
   *     or {@code :artifactId}
   */
  static Optional<List<Module>> parse(String property) throws InvalidConfigurationException {
    if (property == null || property.isBlank()) {
      return Optional.empty();
    }
    List<Module> modules = new ArrayList<>();
    for (String entry : property.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0 || colon == trimmed.length() - 1) {
        throw new InvalidConfigurationException(Setting.CONTAINERIZE, "'" + trimmed + "' names"
            + " no module. Write groupId:artifactId or :artifactId, comma-separated, e.g. "
            + Setting.CONTAINERIZE.property("com.example:app,:worker") + ".");
      }
      modules.add(new Module(trimmed.substring(0, colon), trimmed.substring(colon + 1)));
    }
    return Optional.of(modules);
  }

  /** Whether a module has no main class of its own: asked only where it matters. */
  @FunctionalInterface
  interface Library {
    boolean hasNoMainClass() throws IOException;
  }

  /**
   * Whether a module with these compiled classes has no main class: none named in its jar's
   * manifest, none among its classes. A module not compiled yet is not judged here.
   */
  static boolean hasNoMainClass(String manifestMainClass, Path classes) throws IOException {
    return (manifestMainClass == null || manifestMainClass.isBlank())
        && Files.isDirectory(classes) && MainClassFinder.find(classes).candidates().isEmpty();
  }

  /**
   * Why this module gets no image, if it does not.
   *
   * @param selection what {@code distroless.containerize} names, if given
   * @param reactorSize how many modules the build has
   * @param configured whether a main class or an entrypoint is configured
   * @param library whether the module has no main class of its own
   */
  static Optional<String> skipReason(String packaging, String groupId, String artifactId,
      Optional<List<Module>> selection, int reactorSize, boolean configured, Library library)
      throws IOException {
    if ("pom".equals(packaging)) {
      return Optional.of("packaging 'pom' has no classes to put in an image.");
    }
    if (selection.isPresent()) {
      if (selection.get().stream().noneMatch(module -> module.matches(groupId, artifactId))) {
        return Optional.of(groupId + ":" + artifactId + " is not among the modules "
            + Properties.CONTAINERIZE + " names (" + String.join(",",
                selection.get().stream().map(Module::toString).toList()) + ").");
      }
      // Named: built, or refused for what it lacks.
      return Optional.empty();
    }
    if (reactorSize > 1 && "war".equals(packaging)) {
      // Built alone, or named, a war is refused with the alternatives (ImageSpecFactory).
      return Optional.of("packaging 'war' needs a servlet container, which no distroless base"
          + " has; build " + artifactId + " alone to see what to do instead.");
    }
    if (reactorSize > 1 && !configured && library.hasNoMainClass()) {
      return Optional.of(artifactId + " has no main class: a library, not an application. Set"
          + " <container><mainClass> to build its image.");
    }
    return Optional.empty();
  }
}
