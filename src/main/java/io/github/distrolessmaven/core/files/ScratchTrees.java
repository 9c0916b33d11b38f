package io.github.distrolessmaven.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting a scratch directory the build made, where a leftover harms nothing. */
public final class ScratchTrees {

  private ScratchTrees() {}

  /**
   * Deletes {@code directory} and all under it, as far as it can; what stays is left (each caller
   * names and places its scratch directories so that a leftover is ignored). Nothing for null.
   */
  public static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Left in place, as the caller allows.
    }
  }
}
