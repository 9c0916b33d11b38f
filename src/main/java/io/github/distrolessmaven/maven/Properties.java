package io.github.distrolessmaven.maven;

/** The command-line properties, all under one prefix; a property overrides the POM. */
final class Properties {

  static final String PREFIX = "distroless.";
  static final String FROM_IMAGE = PREFIX + "from.image";
  static final String PLATFORMS = PREFIX + "platforms";
  static final String LOAD_PLATFORM = PREFIX + "loadPlatform";
  static final String TO_IMAGE = PREFIX + "to.image";
  static final String TO_TAGS = PREFIX + "to.tags";
  static final String MAIN_CLASS = PREFIX + "container.mainClass";
  static final String FORMAT = PREFIX + "format";
  static final String SKIP = PREFIX + "skip";
  static final String ALLOW_INSECURE_REGISTRIES = PREFIX + "allowInsecureRegistries";
  static final String REGISTRY_MIRRORS = PREFIX + "registryMirrors";
  static final String TAR = PREFIX + "tar";
  static final String ALLOW_SHELL = PREFIX + "allowShell";
  static final String ALLOW_END_OF_LIFE_BASE = PREFIX + "allowEndOfLifeBase";
  static final String ALLOW_UNPINNED_BASE = PREFIX + "allowUnpinnedBase";
  static final String CONTAINERIZE = PREFIX + "containerize";

  private Properties() {}
}
