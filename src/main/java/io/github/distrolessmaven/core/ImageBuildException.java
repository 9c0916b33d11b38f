package io.github.distrolessmaven.core;

/**
 * A failure of the environment while building: a registry that refuses or cannot be reached, a
 * file that cannot be read or written. Its message names the host, repository, tag or path and
 * the cause. The Maven adapter turns it into a {@code MojoExecutionException}.
 */
public final class ImageBuildException extends Exception {

  /**
   * @param message what failed, naming the host, repository, tag or path
   * @param cause the underlying failure, kept for {@code -e} stack traces
   */
  public ImageBuildException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @param message what failed, naming the host, repository, tag or path */
  public ImageBuildException(String message) {
    super(message);
  }
}
