package io.github.distrolessmaven.core.layers;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * A directory whose contents are copied into the image as they are.
 *
 * @param from the directory on disk
 * @param into the absolute path in the image it is copied to
 * @param includes globs of paths relative to {@code from} (e.g. {@code **}{@code /*.conf}): only
 *     the files that match one are copied; empty copies every file
 * @param excludes globs of the same kind: the files that match one are not copied
 */
public record ExtraDirectory(Path from, String into, List<String> includes,
    List<String> excludes) {

  /** Copies the lists. */
  public ExtraDirectory {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /** Every file of {@code from}. */
  public ExtraDirectory(Path from, String into) {
    this(from, into, List.of(), List.of());
  }

  /** Whether the file at {@code relative} (to {@code from}) is copied. */
  boolean copies(Path relative) {
    return (includes.isEmpty() || matchesAny(includes, relative))
        && !matchesAny(excludes, relative);
  }

  private static boolean matchesAny(List<String> globs, Path relative) {
    for (String glob : globs) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (matcher.matches(relative)) {
        return true;
      }
    }
    return false;
  }
}
