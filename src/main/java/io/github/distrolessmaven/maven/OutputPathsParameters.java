package io.github.distrolessmaven.maven;

import java.io.File;

/** {@code <outputPaths>}: where results are written. Defaults under {@code target/distroless/}. */
public class OutputPathsParameters {

  /** The archive the {@code tar} goal writes. Default {@code target/distroless/image.tar}. */
  private File tar;

  /** The manifest digest. Default {@code target/distroless/image.digest}. */
  private File digest;

  /** The image ID (config digest). Default {@code target/distroless/image.id}. */
  private File imageId;

  /** Image, digest, tags, base and size as JSON. Default {@code target/distroless/image.json}. */
  private File imageJson;

  File getTar() {
    return tar;
  }

  File getDigest() {
    return digest;
  }

  File getImageId() {
    return imageId;
  }

  File getImageJson() {
    return imageJson;
  }
}
