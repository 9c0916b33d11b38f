package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.output.BuiltImage;
import java.util.List;
import java.util.Locale;

/**
 * The line a build ends with: image, digest and size; for an image index, then one line per
 * platform with its image's digest and size.
 */
final class Summary {

  private Summary() {}

  static String of(String verb, BuiltImage image) {
    return line(verb, image.image(), image.digest(), image.size(), image.tags())
        + (image.platforms().isEmpty() ? ""
            : ", an index of " + image.platforms().size() + " platforms:");
  }

  /**
   * "Pushed host/repo:1@sha256:... (3.0 MB), also tagged 2, latest": the image, its digest and
   * size, and every other tag it went under.
   *
   * @param tags every tag, the image's own first
   */
  static String line(String verb, String image, String digest, long size, List<String> tags) {
    return String.format(Locale.ROOT, "%s %s@%s (%s)%s", verb, image, digest, humanSize(size),
        tags.size() > 1 ? ", also tagged " + String.join(", ", tags.subList(1, tags.size())) : "");
  }

  /** For an image index, a line per platform: its image's digest and size; else none. */
  static List<String> platforms(BuiltImage image) {
    return image.platforms().stream().map(platform -> String.format(Locale.ROOT, "  %s %s (%s)",
        platform.platform(), platform.digest(), humanSize(platform.size()))).toList();
  }

  static String humanSize(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
