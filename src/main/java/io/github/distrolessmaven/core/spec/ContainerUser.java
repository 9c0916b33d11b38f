package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user the container runs as. Always numeric, so that Kubernetes' {@code runAsNonRoot} can
 * verify it without reading the image's {@code /etc/passwd}; root is refused unless allowed.
 */
public final class ContainerUser {

  /** distroless's {@code nonroot} user and group. */
  public static final String DEFAULT = "65532:65532";

  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,10})(?::(\\d{1,10}))?");

  private ContainerUser() {}

  /**
   * Checks the configured user and returns the value to write into the image config.
   *
   * @param configured the user's {@code <container><user>}, or null/blank for the default
   * @param allowRoot the user's {@code <container><allowRoot>}
   * @return {@code uid} or {@code uid:gid}, digits only
   * @throws InvalidConfigurationException for a name, a malformed value, or root when not allowed
   */
  public static String resolve(String configured, boolean allowRoot)
      throws InvalidConfigurationException {
    if (configured == null || configured.isBlank()) {
      return DEFAULT;
    }
    String user = configured.trim();
    String uidPart = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    String numeric = user;
    if (uidPart.equals("root") || isZero(uidPart)) {
      if (!allowRoot) {
        throw new InvalidConfigurationException(
            Setting.CONTAINER_USER,
            "'" + user + "' runs the container as root. Remove " + Setting.CONTAINER_USER.element()
                + " to run as the non-root user " + DEFAULT + ", or set "
                + Setting.CONTAINER_ALLOW_ROOT.element("true") + " if the image must run as root.");
      }
      numeric = user.replace("root", "0");
    }
    Matcher matcher = NUMERIC.matcher(numeric);
    if (!matcher.matches()) {
      throw new InvalidConfigurationException(
          Setting.CONTAINER_USER,
          "'" + user + "' is not numeric. Write the user as UID or UID:GID, e.g. " + DEFAULT
              + ", so that the runtime can check that it is not root without reading /etc/passwd.");
    }
    return numeric;
  }

  /** Whether a resolved user runs as uid 0. */
  public static boolean isRoot(String resolvedUser) {
    String uid = resolvedUser.contains(":")
        ? resolvedUser.substring(0, resolvedUser.indexOf(':')) : resolvedUser;
    return isZero(uid);
  }

  private static boolean isZero(String digits) {
    return digits.matches("0+");
  }
}
