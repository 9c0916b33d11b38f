package io.github.distrolessmaven.core.oci;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An operating system, CPU architecture and, where one is named, CPU variant, as image configs
 * and indexes name them ({@code linux/arm64/v8}).
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code amd64}, {@code arm64}
 * @param variant e.g. {@code v8} for arm64; empty when none is named
 */
public record Platform(String os, String architecture, Optional<String> variant) {

  /** What an image is built for unless the user says otherwise, whatever the build machine. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());

  /** Names some tools write for the architectures that images call amd64 and arm64. */
  private static final Map<String, String> ARCHITECTURE_ALIASES =
      Map.of("x86_64", "amd64", "x86-64", "amd64", "aarch64", "arm64");

  /** The variant every arm64 CPU implements: an arm64 image that names none is an arm64/v8 one. */
  private static final Map<String, String> DEFAULT_VARIANTS = Map.of("arm64", "v8");

  public static Platform of(String os, String architecture) {
    return of(os, architecture, null);
  }

  /** Normalised: lower case, aliases to their usual names; a blank variant is none. */
  public static Platform of(String os, String architecture, String variant) {
    String arch = architecture.trim().toLowerCase(Locale.ROOT);
    return new Platform(os.trim().toLowerCase(Locale.ROOT),
        ARCHITECTURE_ALIASES.getOrDefault(arch, arch),
        Optional.ofNullable(variant).map(String::trim).filter(v -> !v.isEmpty())
            .map(v -> v.toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether an image for {@code other} runs here: same os and architecture, and the same variant
   * where both name one (an arm64 image that names no variant is arm64/v8).
   */
  public boolean matches(Platform other) {
    if (!os.equals(other.os) || !architecture.equals(other.architecture)) {
      return false;
    }
    Optional<String> mine = variant.or(() -> Optional.ofNullable(DEFAULT_VARIANTS.get(architecture)));
    Optional<String> theirs =
        other.variant.or(() -> Optional.ofNullable(DEFAULT_VARIANTS.get(architecture)));
    return mine.isEmpty() || theirs.isEmpty() || mine.equals(theirs);
  }

  /**
   * The Linux platform of this machine's CPU: what a container engine here runs natively (on
   * a Mac, its Linux virtual machine has the same CPU).
   */
  public static Platform host() {
    return of("linux", System.getProperty("os.arch", "amd64"));
  }

  /** The same platform with the variant its architecture implies named (arm64 is arm64/v8). */
  public Platform canonical() {
    return variant.isPresent() || !DEFAULT_VARIANTS.containsKey(architecture) ? this
        : new Platform(os, architecture, Optional.of(DEFAULT_VARIANTS.get(architecture)));
  }

  /** {@code os/architecture[/variant]}, as {@code --platform} options take it. */
  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
