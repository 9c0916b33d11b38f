package io.github.distrolessmaven.maven;

/** {@code <from><platforms><platform>}: one platform to build for. */
public class PlatformParameters {

  /** The operating system: {@code linux}. */
  private String os;

  /** The CPU architecture, as images name it: {@code amd64}, {@code arm64}, {@code ppc64le}, ... */
  private String architecture;

  /** The CPU variant, e.g. {@code v8} for arm64; optional. */
  private String variant;

  String getOs() {
    return os;
  }

  String getArchitecture() {
    return architecture;
  }

  String getVariant() {
    return variant;
  }
}
