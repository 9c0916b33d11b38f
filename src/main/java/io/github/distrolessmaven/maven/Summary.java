package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.output.BuiltImage;
import java.util.Locale;

/** The one line a build ends with: image, digest and size. */
final class Summary {

  private Summary() {}

  static String of(String verb, BuiltImage image) {
    return String.format(Locale.ROOT, "%s %s@%s (%s)",
        verb, image.image(), image.digest(), humanSize(image.size()));
  }

  static String humanSize(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
