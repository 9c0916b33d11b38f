package io.github.distrolessmaven.maven;

import java.util.ArrayList;
import java.util.List;

/** {@code <to>}: the image to build. */
public class ToParameters {

  /**
   * The target image reference, e.g. {@code registry.example.com/team/app:1.0}. Required by
   * {@code build}; {@code tar} defaults to {@code artifactId:version}. Property: {@code distroless.to.image}.
   */
  private String image;

  /** More tags for the same image. Property: {@code distroless.to.tags} (comma-separated). */
  private List<String> tags = new ArrayList<>();

  /** Credentials for the target's registry. */
  private AuthParameters auth;

  /** A docker credential helper for the target's registry: a name or a path. */
  private String credHelper;

  String getImage() {
    return image;
  }

  List<String> getTags() {
    return tags;
  }

  AuthParameters getAuth() {
    return auth;
  }

  String getCredHelper() {
    return credHelper;
  }
}
