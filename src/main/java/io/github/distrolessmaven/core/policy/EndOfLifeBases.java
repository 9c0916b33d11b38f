package io.github.distrolessmaven.core.policy;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses distroless bases that no longer get security updates: the Java images on Debian 12
 * (removed in February 2026), static/base/cc on Debian 12 (end of life September 2026), anything
 * on Debian 11 or older, and the unversioned {@code gcr.io/distroless/java}. The message names
 * the Debian 13 image to use instead.
 */
public final class EndOfLifeBases {

  private static final Pattern DISTROLESS =
      Pattern.compile("gcr\\.io/distroless/([a-z0-9-]+?)(?:-debian(\\d+))?(?:[:@].*)?");

  private EndOfLifeBases() {}

  /**
   * @param baseImage the base as the user named it
   * @param allowEndOfLifeBase the user's {@code <allowEndOfLifeBase>}
   * @throws InvalidConfigurationException for an end-of-life distroless base, unless allowed
   */
  public static void check(String baseImage, boolean allowEndOfLifeBase)
      throws InvalidConfigurationException {
    Optional<String> replacement = replacementFor(baseImage);
    if (replacement.isPresent() && !allowEndOfLifeBase) {
      throw new InvalidConfigurationException(
          Setting.FROM_IMAGE,
          "'" + baseImage + "' is an end-of-life distroless base that gets no security updates."
              + " Use " + replacement.get() + " instead, or set"
              + " " + Setting.ALLOW_END_OF_LIFE_BASE.element("true") + " to build on it anyway.");
    }
  }

  /** The Debian 13 image to use instead, when {@code baseImage} is an end-of-life distroless base. */
  static Optional<String> replacementFor(String baseImage) {
    Matcher matcher = DISTROLESS.matcher(baseImage.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String flavour = matcher.group(1);
    String tag = baseImage.contains("nonroot") ? ":nonroot" : ":latest";
    if (matcher.group(2) == null) {
      // Only the unversioned java image is end of life; others without a Debian suffix are aliases.
      return flavour.equals("java")
          ? Optional.of("gcr.io/distroless/java21-debian13" + tag)
          : Optional.empty();
    }
    int debian = Integer.parseInt(matcher.group(2));
    if (debian >= 13) {
      return Optional.empty();
    }
    boolean java = flavour.startsWith("java");
    if (debian == 12 && !java && !flavour.matches("static|base|base-nossl|cc")) {
      return Optional.empty();
    }
    String current = java && flavour.matches("java(8|11|17)?") ? "java17" : flavour;
    return Optional.of("gcr.io/distroless/" + current + "-debian13" + tag);
  }
}
