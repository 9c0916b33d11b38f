package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platforms an image is built for, checked before the network: an operating system and
 * architecture distroless bases are published for, a variant that architecture has, each platform
 * once; arm64 without a variant is read as arm64/v8, the variant every arm64 CPU implements.
 * Without any, {@code linux/amd64} alone, whatever the build machine, so that a build file gives
 * the same digest everywhere.
 */
public final class Platforms {

  /** The default: linux/amd64 alone. */
  public static final List<Platform> DEFAULT = List.of(Platform.LINUX_AMD64);

  /** Distroless bases are Linux images. */
  private static final Set<String> OPERATING_SYSTEMS = Set.of("linux");

  /** Architectures images are published for (as Go names them), with the variants each has. */
  private static final Map<String, Set<String>> ARCHITECTURES = architectures();

  private static Map<String, Set<String>> architectures() {
    Map<String, Set<String>> known = new LinkedHashMap<>();
    known.put("amd64", Set.of("v1", "v2", "v3", "v4"));
    known.put("arm64", Set.of("v8", "v9"));
    known.put("arm", Set.of("v5", "v6", "v7", "v8"));
    known.put("ppc64le", Set.of());
    known.put("s390x", Set.of());
    known.put("386", Set.of());
    known.put("riscv64", Set.of());
    known.put("mips64le", Set.of());
    return known;
  }

  /**
   * One platform as the build file gives it.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code arm64}
   * @param variant e.g. {@code v8}; null or blank for none
   */
  public record Entry(String os, String architecture, String variant) {}

  private Platforms() {}

  /**
   * The platforms of the build file: {@link #DEFAULT} when none are given (null).
   *
   * @throws InvalidConfigurationException naming {@link Setting#FROM_PLATFORMS} for an empty
   *     list, a missing or unknown os or architecture, an unknown variant, a platform given twice
   */
  public static List<Platform> of(List<Entry> entries) throws InvalidConfigurationException {
    if (entries == null) {
      return DEFAULT;
    }
    List<Written> written = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry == null || blank(entry.os()) || blank(entry.architecture())) {
        throw new InvalidConfigurationException(Setting.FROM_PLATFORMS, "each platform needs"
            + " an os and an architecture, e.g. os linux and architecture arm64.");
      }
      written.add(new Written(entry.os().trim() + "/" + entry.architecture().trim()
          + (blank(entry.variant()) ? "" : "/" + entry.variant().trim()),
          Platform.of(entry.os(), entry.architecture(), entry.variant())));
    }
    return distinct(written);
  }

  /**
   * The platforms of the command line: {@code os/architecture[/variant]}, comma-separated.
   *
   * @throws InvalidConfigurationException naming {@link Setting#FROM_PLATFORMS}, as {@link #of}
   *     does (the adapter names the property the user gave instead)
   */
  public static List<Platform> parse(String text) throws InvalidConfigurationException {
    List<Written> written = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      if (item.isBlank() && text.isBlank()) {
        break;
      }
      written.add(new Written(item.trim(), one(item, Setting.FROM_PLATFORMS,
          "comma-separated, e.g. linux/amd64,linux/arm64/v8")));
    }
    return distinct(written);
  }

  /**
   * The platform a multi-platform archive loads as, given on the command line: one of {@code
   * built}, named as the index names it.
   *
   * @throws InvalidConfigurationException naming {@link Setting#LOAD_PLATFORM} when it is not
   *     one platform, or not one that is built
   */
  public static Platform loadPlatform(String text, List<Platform> built)
      throws InvalidConfigurationException {
    Platform wanted = one(text, Setting.LOAD_PLATFORM);
    return built.stream().filter(wanted::matches).findFirst().orElseThrow(() ->
        InvalidConfigurationException.inProperty(Setting.LOAD_PLATFORM, wanted + " is not"
            + " built; the image is built for " + String.join(", ",
                built.stream().map(Platform::toString).toList()) + ". Name one of them."));
  }

  /**
   * One platform, {@code os/architecture[/variant]}, as another setting than {@link
   * Setting#FROM_PLATFORMS} names it: not checked against the known ones (it is matched against
   * the platforms built).
   *
   * @throws InvalidConfigurationException naming {@code setting} when it is not of that form
   */
  public static Platform one(String text, Setting setting) throws InvalidConfigurationException {
    return one(text, setting, "e.g. linux/arm64");
  }

  /** {@link #one(String, Setting)}, whose refusal shows the form as {@code example}. */
  private static Platform one(String text, Setting setting, String example)
      throws InvalidConfigurationException {
    String[] parts = text.trim().split("/", -1);
    if (parts.length < 2 || parts.length > 3 || blank(parts[0]) || blank(parts[1])) {
      throw new InvalidConfigurationException(setting, "'" + text.trim() + "' is not a"
          + " platform. Write os/architecture[/variant], " + example + ".");
    }
    return Platform.of(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  private static Platform checked(Platform platform) throws InvalidConfigurationException {
    if (!OPERATING_SYSTEMS.contains(platform.os())) {
      throw problem("'" + platform.os() + "' (in " + platform + ") is not an operating"
          + " system distroless bases are built for. Write linux.");
    }
    Set<String> variants = ARCHITECTURES.get(platform.architecture());
    if (variants == null) {
      throw problem("'" + platform.architecture() + "' (in " + platform + ") is not an"
          + " architecture images are published for. Write one of "
          + String.join(", ", ARCHITECTURES.keySet()) + ".");
    }
    if (platform.variant().isPresent() && !variants.contains(platform.variant().get())) {
      throw problem("'" + platform.variant().get() + "' (in " + platform + ") is not a"
          + " variant of " + platform.architecture() + ". "
          + (variants.isEmpty() ? "Leave the variant out."
              : "Write one of " + String.join(", ", variants.stream().sorted().toList())
                  + ", or leave it out."));
    }
    // As the distroless registry and buildx name it: an arm64 image is an arm64/v8 one.
    return platform.canonical();
  }

  /**
   * The platforms {@code written}, each checked and in its canonical form.
   *
   * @throws InvalidConfigurationException for none, an unknown one, or one named twice: the
   *     refusal quotes both as they were written
   */
  private static List<Platform> distinct(List<Written> written)
      throws InvalidConfigurationException {
    if (written.isEmpty()) {
      throw problem("no platform is given. Name at least one, e.g. linux/amd64, or"
          + " leave the setting out for linux/amd64 alone.");
    }
    List<Platform> platforms = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      Platform platform = checked(written.get(i).platform());
      for (int j = 0; j < i; j++) {
        if (platform.matches(platforms.get(j))) {
          String first = written.get(j).text();
          String again = written.get(i).text();
          throw problem((first.equals(again) ? again + " is given twice."
              : first + " and " + again + " are one platform, " + platform + ".")
              + " Name each platform once.");
        }
      }
      platforms.add(platform);
    }
    return List.copyOf(platforms);
  }

  /** A platform as the user wrote it, for refusals, and as it was read. */
  private record Written(String text, Platform platform) {}

  private static InvalidConfigurationException problem(String text) {
    return new InvalidConfigurationException(Setting.FROM_PLATFORMS, text);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
