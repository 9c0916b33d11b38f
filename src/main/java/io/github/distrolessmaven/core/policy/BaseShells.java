package io.github.distrolessmaven.core.policy;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.List;

/**
 * Refuses a base that holds a shell, as distroless {@code :debug} tags and general-purpose
 * images do: a shell in the image is what an attacker who gets code execution reaches for
 * first, and the reason to choose distroless is not to have one.
 */
public final class BaseShells {

  private BaseShells() {}

  /**
   * @param base the base as the log names it
   * @param shells the shells found in the base's final file system, e.g. {@code /bin/sh}
   * @param allowShell the user's {@code <allowShell>}
   * @throws InvalidConfigurationException when a shell was found, unless allowed
   */
  public static void check(String base, List<String> shells, boolean allowShell)
      throws InvalidConfigurationException {
    if (shells.isEmpty() || allowShell) {
      return;
    }
    throw new InvalidConfigurationException(Setting.FROM_IMAGE,
        "the base " + base + " contains a shell (" + String.join(", ", shells) + "), which a"
            + " distroless image must not have. Use a base without one (a distroless tag"
            + " other than :debug, e.g. gcr.io/distroless/java21-debian13:nonroot), or set"
            + " " + Setting.ALLOW_SHELL.element("true") + " to build on it anyway.");
  }
}
