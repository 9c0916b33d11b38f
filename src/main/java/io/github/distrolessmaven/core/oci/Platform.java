package io.github.distrolessmaven.core.oci;

import java.util.Locale;
import java.util.Map;

/** An operating system and CPU architecture, as image configs and indexes name them. */
public record Platform(String os, String architecture) {

  /** What every image is built for today: jib-core's default, and what a base must offer. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");

  /** Names some tools write for the architectures that images call amd64 and arm64. */
  private static final Map<String, String> ARCHITECTURE_ALIASES =
      Map.of("x86_64", "amd64", "x86-64", "amd64", "aarch64", "arm64");

  public static Platform of(String os, String architecture) {
    String arch = architecture.trim().toLowerCase(Locale.ROOT);
    return new Platform(
        os.trim().toLowerCase(Locale.ROOT), ARCHITECTURE_ALIASES.getOrDefault(arch, arch));
  }

  public boolean matches(Platform other) {
    return os.equals(other.os) && architecture.equals(other.architecture);
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
