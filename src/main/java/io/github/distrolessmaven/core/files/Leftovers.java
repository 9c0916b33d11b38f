package io.github.distrolessmaven.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a build that was killed leaves behind: the hidden {@code .<name>.<random>.partial} files
 * of {@link AtomicFiles}, and the folders and files under a cache's {@code tmp/}. Neither is ever
 * read as valid (nothing looks for those names); they are removed so that they do not pile up.
 * A build removes its project's at once, and a shared cache's only when older than another
 * build running now could make them.
 */
public final class Leftovers {

  private static final Pattern PARTIAL = Pattern.compile("\\..+\\.partial");

  private Leftovers() {}

  /**
   * Removes the {@code .*.partial} files directly in {@code directory} last modified before
   * {@code now - minAge}.
   *
   * @return how many were removed
   */
  public static int removePartials(Path directory, Duration minAge, Instant now) {
    return remove(directory, minAge, now, true);
  }

  /**
   * Removes everything directly in {@code tmpDirectory} (files, and folders with all under them)
   * last modified before {@code now - minAge}.
   *
   * @return how many entries were removed
   */
  public static int removeTemporaries(Path tmpDirectory, Duration minAge, Instant now) {
    return remove(tmpDirectory, minAge, now, false);
  }

  private static int remove(Path directory, Duration minAge, Instant now, boolean partialsOnly) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    Instant before = now.minus(minAge);
    List<Path> entries;
    try (Stream<Path> list = Files.list(directory)) {
      entries = list.filter(path -> !partialsOnly
          || PARTIAL.matcher(path.getFileName().toString()).matches()).toList();
    } catch (IOException e) {
      return 0;
    }
    int removed = 0;
    for (Path entry : entries) {
      try {
        if (!minAge.isZero()
            && !Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
          continue;
        }
        if (Files.isDirectory(entry) && !Files.isSymbolicLink(entry)) {
          ScratchTrees.deleteQuietly(entry);
        } else {
          Files.deleteIfExists(entry);
        }
        removed += Files.exists(entry) ? 0 : 1;
      } catch (IOException e) {
        // Gone meanwhile, or not ours to remove: left for the next build.
      }
    }
    return removed;
  }
}
