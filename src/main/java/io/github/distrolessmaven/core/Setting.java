package io.github.distrolessmaven.core;

/**
 * A setting the user gives, by key: what the core names when a value is wrong or when a message
 * tells the user what to change. The core never spells a setting as the build tool does; it puts
 * a reference in the message ({@link #element()}, {@link #property()}), and the adapter that
 * reads the settings (the Maven plugin) spells every reference out, e.g. as {@code <to><image>}
 * or {@code -Ddistroless.to.image}.
 */
public enum Setting {
  FROM_IMAGE("from.image"),
  FROM_AUTH("from.auth"),
  /** The platforms the image is built for. */
  FROM_PLATFORMS("from.platforms"),
  /** Which platform's image a multi-platform archive loads as. */
  LOAD_PLATFORM("loadPlatform"),
  TO_IMAGE("to.image"),
  TO_TAGS("to.tags"),
  TO_AUTH("to.auth"),
  /** Credentials of an image, wherever given: the base's or the target's. */
  AUTH("auth"),
  /** A docker credential helper of an image. */
  CRED_HELPER("credHelper"),
  /** The build tool's own store of registry credentials, one entry per registry host. */
  CREDENTIAL_SERVERS("credentialServers"),
  /** The docker {@code config.json} with registry credentials. */
  DOCKER_CONFIG("dockerConfig"),
  CONTAINER_USER("container.user"),
  CONTAINER_ALLOW_ROOT("container.allowRoot"),
  CONTAINER_MAIN_CLASS("container.mainClass"),
  CONTAINER_ENTRYPOINT("container.entrypoint"),
  CONTAINER_JVM_FLAGS("container.jvmFlags"),
  /** The project's URL, in the POM. */
  PROJECT_URL("project.url"),
  /** The project's source repository URL, in the POM. */
  PROJECT_SCM_URL("project.scm.url"),
  CONTAINER_ENVIRONMENT("container.environment"),
  CONTAINER_PORTS("container.ports"),
  CONTAINER_LABELS("container.labels"),
  CONTAINER_VOLUMES("container.volumes"),
  CONTAINER_WORKING_DIRECTORY("container.workingDirectory"),
  CONTAINER_APP_ROOT("container.appRoot"),
  CONTAINER_CREATION_TIME("container.creationTime"),
  CONTAINER_FILES_MODIFICATION_TIME("container.filesModificationTime"),
  CONTAINER_FORMAT("container.format"),
  /** Paths in the image put before the computed classpath. */
  CONTAINER_EXTRA_CLASSPATH("container.extraClasspath"),
  /** Whether the project goes in as classes (exploded) or as its jar (packaged). */
  CONTAINERIZING_MODE("containerizingMode"),
  EXTRA_DIRECTORY_FROM("extraDirectories.paths.from"),
  EXTRA_DIRECTORY_INTO("extraDirectories.paths.into"),
  PERMISSION("extraDirectories.permissions"),
  PERMISSION_MODE("extraDirectories.permissions.mode"),
  REGISTRY_MIRRORS("registryMirrors"),
  ALLOW_INSECURE_REGISTRIES("allowInsecureRegistries"),
  ALLOW_SHELL("allowShell"),
  ALLOW_END_OF_LIFE_BASE("allowEndOfLifeBase"),
  /** Building on a base referenced by tag without the warning to pin it. */
  ALLOW_UNPINNED_BASE("allowUnpinnedBase"),
  /** Linking a Java runtime with jlink onto a base without one. */
  JLINK_ENABLED("jlink.enabled"),
  /** The JDK a runtime is linked from. */
  JLINK_JDK("jlink.jdk"),
  /** The JDK of each platform whose runtime is linked from its modules. */
  JLINK_JDKS("jlink.jdks"),
  /** The complete module list of a linked runtime. */
  JLINK_MODULES("jlink.modules"),
  /** Modules added to those found in the application. */
  JLINK_ADD_MODULES("jlink.addModules"),
  /** A class data sharing archive in a linked runtime. */
  JLINK_CDS("jlink.cds"),
  /** Failing the base check when a pinned base is no longer what its tag points to. */
  FAIL_ON_STALE_BASE("failOnStaleBase"),
  /** Rewriting a stale pin in the build file. */
  UPDATE_PIN("updatePin"),
  /** The modules of a multi-module build that get an image. */
  CONTAINERIZE("containerize"),
  /** The image archive {@code distroless:push} sends. */
  ARCHIVE("tar"),
  /** Where the image archive goes; the image is assembled beside it. */
  OUTPUT_PATHS_TAR("outputPaths.tar"),
  /** The build tool's offline mode. */
  OFFLINE("offline"),
  /** The project's packaging: what {@code mvn package} makes of it. */
  PACKAGING("packaging"),
  /** Where the project's compiled classes are. */
  CLASSES_DIRECTORY("classesDirectory"),
  /** The project's dependencies, as declared. */
  DEPENDENCIES("dependencies"),
  /** The main class the project's jar manifest names. */
  JAR_MAIN_CLASS("jarMainClass"),
  /** The Java release the project is compiled for. */
  JAVA_RELEASE("javaRelease"),
  /** The Java target the project is compiled for, when no release is given. */
  JAVA_TARGET("javaTarget"),
  /** The project's timestamp for reproducible outputs. */
  OUTPUT_TIMESTAMP("outputTimestamp"),
  /** The environment's {@code SOURCE_DATE_EPOCH}, the reproducible-builds convention. */
  SOURCE_DATE_EPOCH("sourceDateEpoch");

  private final String key;

  Setting(String key) {
    this.key = key;
  }

  /** The setting's key, e.g. {@code to.image}: what a reference in a message carries. */
  public String key() {
    return key;
  }

  /** A reference to the setting as the user writes it in the build file. */
  public String element() {
    return "{@" + key + "}";
  }

  /** A reference to the setting given {@code value} in the build file. */
  public String element(String value) {
    return "{@" + key + "=" + value + "}";
  }

  /** A reference to the setting as a command-line option. */
  public String property() {
    return "{@-D" + key + "}";
  }

  /** A reference to the setting given {@code value} on the command line. */
  public String property(String value) {
    return "{@-D" + key + "=" + value + "}";
  }

  /** A reference to the setting's command-line property by its bare name. */
  public String propertyName() {
    return "{@P" + key + "}";
  }

  /** The setting with this key, or null. */
  public static Setting ofKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return setting;
      }
    }
    return null;
  }
}
