package io.github.distrolessmaven.core.contents;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Java runtime (JDK or JRE) found in a base image by its {@code release} file.
 *
 * @param home the absolute path of the runtime's home directory, e.g. {@code
 *     /usr/lib/jvm/java-21-openjdk-amd64}
 * @param version the {@code JAVA_VERSION} of the release file, e.g. {@code 21.0.5}
 * @param implementor the {@code IMPLEMENTOR} of the release file, empty when it names none
 */
public record JavaRuntime(String home, String version, Optional<String> implementor) {

  /**
   * A null implementor is taken as empty.
   *
   * @throws IllegalArgumentException when the home is not absolute or the version is empty
   */
  public JavaRuntime {
    if (home == null || !home.startsWith("/")) {
      throw new IllegalArgumentException("A Java home must be an absolute path: " + home);
    }
    if (version == null || version.isEmpty()) {
      throw new IllegalArgumentException("The Java runtime at " + home + " needs a version");
    }
    implementor = implementor == null ? Optional.empty() : implementor;
  }

  /**
   * Reads a runtime's {@code release} file: lines of {@code KEY="value"}.
   *
   * @param home the absolute path of the directory holding the file
   * @return the runtime, or empty when the file has no {@code JAVA_VERSION}
   */
  public static Optional<JavaRuntime> parseRelease(String home, String text) {
    Map<String, String> values = releaseValues(text);
    String version = values.get("JAVA_VERSION");
    if (version == null || version.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> implementor =
        Optional.ofNullable(values.get("IMPLEMENTOR")).filter(value -> !value.isEmpty());
    return Optional.of(new JavaRuntime(home, version, implementor));
  }

  /** A {@code release} file's values by key, unquoted: {@code JAVA_VERSION}, {@code MODULES}. */
  public static Map<String, String> releaseValues(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\r?\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals).trim(), unquote(line.substring(equals + 1).trim()));
      }
    }
    return values;
  }

  private static String unquote(String value) {
    // The JDK writes every value quoted; a hand-made file may not.
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
