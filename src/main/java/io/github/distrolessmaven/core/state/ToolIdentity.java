package io.github.distrolessmaven.core.state;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What identifies the running plugin: its jar's path, size and modification time. A new plugin
 * build (even under the same SNAPSHOT version) may build other images from the same inputs, so
 * it must not trust what an older one recorded; Maven writes a new jar whole, so a new build is
 * a new file. Not its hash: the jar carries its libraries, and hashing it would cost more than
 * the rest of an up-to-date check.
 */
public final class ToolIdentity {

  private static volatile String current;

  private ToolIdentity() {}

  /** The plugin jar's identity, once per JVM; a classes directory is named as such. */
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
      BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
      return location + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }
    // Run from a classes directory (unit tests): no release identity to compare.
    return "classes:" + location + ":" + System.nanoTime();
  }
}
