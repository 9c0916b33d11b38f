package io.github.distrolessmaven.core.base;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.Optional;

/**
 * Chooses the distroless Java base from the project's Java release: the oldest supported JRE that
 * runs the compiled classes, on the current Debian, as the non-root tag.
 */
public final class DefaultBaseImage {

  static final String JAVA17 = "gcr.io/distroless/java17-debian13:nonroot";
  /** The base of a linked runtime: everything a JRE needs from the OS, and no JRE. */
  public static final String JAVA_BASE = "gcr.io/distroless/java-base-debian13:nonroot";
  static final String JAVA21 = "gcr.io/distroless/java21-debian13:nonroot";
  static final String JAVA25 = "gcr.io/distroless/java25-debian13:nonroot";

  /** The newest Java release a distroless base exists for. */
  public static final int NEWEST_RELEASE = 25;

  private DefaultBaseImage() {}

  /**
   * @param release the project's Java release (8, 11, 17, 21, ...)
   * @return the base image reference
   * @throws InvalidConfigurationException for a release newer than any distroless base
   */
  public static String forRelease(int release) throws InvalidConfigurationException {
    if (release <= 17) {
      return JAVA17;
    }
    if (release <= 21) {
      return JAVA21;
    }
    if (release <= NEWEST_RELEASE) {
      return JAVA25;
    }
    throw new InvalidConfigurationException(
        Setting.FROM_IMAGE,
        "the project is compiled for Java " + release + ", and no distroless Java base runs"
            + " releases above " + NEWEST_RELEASE + ". Set " + Setting.FROM_IMAGE.element() + " to a base with a Java "
            + release + " runtime, or compile for release " + NEWEST_RELEASE + " or lower.");
  }

  /**
   * Reads the Java release as Maven's compiler plugin would: {@code maven.compiler.release},
   * else {@code maven.compiler.target}; {@code 1.8} means 8.
   *
   * @return the release, or 17 when neither property is set (the oldest base we offer)
   * @throws InvalidConfigurationException when the property is not a Java version
   */
  public static int javaRelease(String release, String target) throws InvalidConfigurationException {
    Setting setting = releaseSetting(release);
    String value = notBlank(release) ? release.trim() : (notBlank(target) ? target.trim() : null);
    if (value == null) {
      return 17;
    }
    String digits = value.startsWith("1.") ? value.substring(2) : value;
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          setting,
          "'" + value + "' is not a Java release. Set it to a number such as 17 or 21, or set "
              + Setting.FROM_IMAGE.element() + " explicitly.");
    }
  }

  /**
   * For a project compiled for a release older than the oldest distroless Java (17), the line
   * that says which base runs it and what an old framework may need there; empty otherwise.
   *
   * @param setting where the release was read ({@link Setting#JAVA_RELEASE} or {@link
   *     Setting#JAVA_TARGET})
   */
  public static Optional<String> olderReleaseNote(int release, Setting setting) {
    if (release >= 17) {
      return Optional.empty();
    }
    return Optional.of("The project is compiled for Java " + release + " (" + setting.element()
        + "); the oldest distroless Java base is java17, so the image runs it on " + JAVA17
        + ". Java 17 runs Java " + release + " classes, but a framework written before Java 17"
        + " may need --add-opens flags in " + Setting.CONTAINER_JVM_FLAGS.element()
        + ", e.g. --add-opens=java.base/java.lang=ALL-UNNAMED.");
  }

  /** Where the release is read: {@code maven.compiler.release}, else {@code .target}. */
  public static Setting releaseSetting(String release) {
    return notBlank(release) ? Setting.JAVA_RELEASE : Setting.JAVA_TARGET;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
