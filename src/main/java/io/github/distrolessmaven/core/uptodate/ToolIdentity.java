package io.github.distrolessmaven.core.uptodate;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What identifies the running plugin: the SHA-256 of its own jar. A new plugin build (even under
 * the same SNAPSHOT version) may build other images from the same inputs, so it must not trust
 * what an older one recorded.
 */
public final class ToolIdentity {

  private static volatile String current;

  private ToolIdentity() {}

  /** The plugin jar's digest, computed once per JVM; a classes directory is named as such. */
  public static String current() throws IOException {
    String identity = current;
    if (identity == null) {
      identity = compute();
      current = identity;
    }
    return identity;
  }

  private static String compute() throws IOException {
    Path location;
    try {
      location = Path.of(ToolIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot locate the plugin's own code: " + e.getMessage(), e);
    }
    if (Files.isRegularFile(location)) {
      return Sha256.of(location);
    }
    // Run from a classes directory (unit tests): no release identity to compare.
    return "classes:" + location + ":" + System.nanoTime();
  }
}
