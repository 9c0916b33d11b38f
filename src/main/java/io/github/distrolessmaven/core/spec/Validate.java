package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks on plain configuration values that several spec fields share. */
public final class Validate {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
  private static final Pattern OCTAL_MODE = Pattern.compile("[0-7]{3,4}");

  private Validate() {}

  /**
   * Checks an absolute Unix-style path such as {@code /app}.
   *
   * @return the path without a trailing slash (except for {@code /} itself)
   */
  public static String absoluteUnixPath(String value, Setting setting)
      throws InvalidConfigurationException {
    String path = value == null ? "" : value.trim();
    if (!path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
      throw new InvalidConfigurationException(
          setting, "'" + path + "' is not an absolute Unix-style path. Write it like /app.");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new InvalidConfigurationException(
            setting, "'" + path + "' contains '" + segment + "'. Write the plain absolute path.");
      }
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Checks environment variable names: a letter or underscore, then letters, digits, underscores. */
  public static void environment(Map<String, String> environment, Setting setting)
      throws InvalidConfigurationException {
    keys(environment, ENV_NAME, setting, "is not a valid variable name. Use letters, digits and"
        + " underscores, not starting with a digit, e.g. JAVA_TOOL_OPTIONS.");
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (variable.getValue() == null) {
        throw new InvalidConfigurationException(
            setting, "'" + variable.getKey() + "' has no value. Give it one, or remove it.");
      }
    }
  }

  /** Checks label keys, which OCI wants in reverse-DNS style. */
  public static void labels(Map<String, String> labels, Setting setting)
      throws InvalidConfigurationException {
    keys(labels, LABEL_KEY, setting, "is not a valid label key. Use letters, digits, '.', '-',"
        + " '_' and '/', e.g. com.example.team.");
  }

  private static void keys(Map<String, String> map, Pattern valid, Setting setting,
      String problem) throws InvalidConfigurationException {
    for (String key : map.keySet()) {
      if (!valid.matcher(key).matches()) {
        throw new InvalidConfigurationException(setting, "'" + key + "' " + problem);
      }
    }
  }

  /**
   * Checks a file mode written as three octal digits, or four with the special bits (which
   * the policy then judges: a setuid mode is a mode, just not an acceptable one).
   *
   * @return the mode as an int, e.g. 0755 for "755"
   */
  public static int octalMode(String value, Setting setting) throws InvalidConfigurationException {
    String mode = value == null ? "" : value.trim();
    if (!OCTAL_MODE.matcher(mode).matches()) {
      throw new InvalidConfigurationException(
          setting, "'" + mode + "' is not a file mode. Write three octal digits, e.g. 755 or 644.");
    }
    return Integer.parseInt(mode, 8);
  }
}
