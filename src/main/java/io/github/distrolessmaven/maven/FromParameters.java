package io.github.distrolessmaven.maven;

import java.util.List;

/** {@code <from>}: the base image. */
public class FromParameters {

  /**
   * The base image reference. Default: the distroless Java base for the project's Java release
   * ({@code gcr.io/distroless/java17|21|25-debian13:nonroot}). Property: {@code distroless.from.image}.
   */
  private String image;

  /** Credentials for the base's registry. */
  private AuthParameters auth;

  /** A docker credential helper for the base's registry: a name (suffix of {@code docker-credential-}) or a path. */
  private String credHelper;

  /**
   * The platforms to build for, each an {@code <os>}, {@code <architecture>} and optional
   * {@code <variant>}, as in Jib: {@code <platform><architecture>arm64</architecture><os>linux</os>
   * <variant>v8</variant></platform>}. Default: {@code linux/amd64} alone, whatever the build
   * machine, so that a POM gives the same digest everywhere. Property:
   * {@code distroless.platforms} ({@code linux/amd64,linux/arm64/v8}), which overrides the POM.
   */
  private List<PlatformParameters> platforms;

  String getImage() {
    return image;
  }

  AuthParameters getAuth() {
    return auth;
  }

  List<PlatformParameters> getPlatforms() {
    return platforms;
  }

  String getCredHelper() {
    return credHelper;
  }
}
