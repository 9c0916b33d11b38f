package io.github.distrolessmaven.maven;

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

  String getImage() {
    return image;
  }

  AuthParameters getAuth() {
    return auth;
  }

  String getCredHelper() {
    return credHelper;
  }
}
