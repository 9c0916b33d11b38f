package io.github.distrolessmaven.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command-line properties, all under one prefix; a property overrides the POM. Jib's names
 * for the same settings are read too, so that a command line written for Jib works here.
 */
final class Properties {

  static final String PREFIX = "distroless.";
  static final String FROM_IMAGE = PREFIX + "from.image";
  static final String PLATFORMS = PREFIX + "platforms";
  static final String LOAD_PLATFORM = PREFIX + "loadPlatform";
  static final String TO_IMAGE = PREFIX + "to.image";
  static final String TO_TAGS = PREFIX + "to.tags";
  /** The prefix of the {@code <container>} settings' properties. */
  static final String CONTAINER = PREFIX + "container.";
  static final String MAIN_CLASS = CONTAINER + "mainClass";
  static final String FORMAT = PREFIX + "format";
  static final String SKIP = PREFIX + "skip";
  static final String ALLOW_INSECURE_REGISTRIES = PREFIX + "allowInsecureRegistries";
  static final String REGISTRY_MIRRORS = PREFIX + "registryMirrors";
  static final String TAR = PREFIX + "tar";
  static final String ALLOW_SHELL = PREFIX + "allowShell";
  static final String ALLOW_END_OF_LIFE_BASE = PREFIX + "allowEndOfLifeBase";
  static final String ALLOW_UNPINNED_BASE = PREFIX + "allowUnpinnedBase";
  static final String CONTAINERIZE = PREFIX + "containerize";
  static final String FAIL_ON_STALE_BASE = PREFIX + "failOnStaleBase";
  static final String UPDATE_PIN = PREFIX + "updatePin";
  static final String JLINK = PREFIX + "jlink";
  static final String EXTRA_DIRECTORIES = PREFIX + "extraDirectories.paths";
  static final String CONTAINERIZING_MODE = PREFIX + "containerizingMode";

  /** Jib's {@code -Dimage}: the image to build, as {@link #TO_IMAGE}. */
  static final String IMAGE = "image";

  /** Jib's property for each of ours that Jib has, where the name differs in more than prefix. */
  private static final Map<String, String> JIB = Map.of(
      PLATFORMS, "jib.from.platforms",
      FORMAT, "jib.container.format");

  private Properties() {}

  /** A list property's items: comma-separated, each trimmed, empty ones dropped. */
  static List<String> items(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  /**
   * Jib's names of the property {@code name}, read when ours is not given: {@code jib.} in place
   * of {@code distroless.} (or Jib's own spelling where it differs), and for the target image
   * also Jib's {@code -Dimage}.
   */
  static List<String> jibNames(String name) {
    if (!name.startsWith(PREFIX)) {
      return List.of();
    }
    String jib = JIB.getOrDefault(name, "jib." + name.substring(PREFIX.length()));
    return name.equals(TO_IMAGE) ? List.of(jib, IMAGE) : List.of(jib);
  }
}
