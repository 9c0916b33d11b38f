package io.github.distrolessmaven.core.oci;

import java.io.IOException;

/**
 * An image document (index, manifest, config, descriptor) that is not what the specifications
 * say it must be. Its message names the document and what is wrong; the reader that found it
 * says where the document came from and what to do.
 */
public final class FormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
