package io.github.distrolessmaven.core.files;

import java.io.Closeable;
import java.io.IOException;

/** Closing what is no longer needed where a failure to close it would hide the real one. */
public final class Quietly {

  private Quietly() {}

  /**
   * Closes {@code resource}, if any, ignoring a failure: for a stream nobody reads again, or one
   * closed on the way out of another failure, which is the one worth reporting.
   */
  public static void close(Closeable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (IOException e) {
      // The caller reports what matters; this resource is done with either way.
    }
  }
}
