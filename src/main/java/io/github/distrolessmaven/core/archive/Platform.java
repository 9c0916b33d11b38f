package io.github.distrolessmaven.core.archive;

import java.util.Locale;
import java.util.Map;

/** An operating system and CPU architecture, as image configs and indexes name them. */
record Platform(String os, String architecture) {

  /** Names some tools write for the architectures that images call amd64 and arm64. */
  private static final Map<String, String> ARCHITECTURE_ALIASES =
      Map.of("x86_64", "amd64", "x86-64", "amd64", "aarch64", "arm64");

  static Platform of(String os, String architecture) {
    String arch = architecture.trim().toLowerCase(Locale.ROOT);
    return new Platform(
        os.trim().toLowerCase(Locale.ROOT), ARCHITECTURE_ALIASES.getOrDefault(arch, arch));
  }

  boolean matches(Platform other) {
    return os.equals(other.os) && architecture.equals(other.architecture);
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
