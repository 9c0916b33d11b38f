package io.github.distrolessmaven.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in
 * the same directory, which is then renamed over the target. A failed or killed build leaves the
 * old file, or none, never a partial one.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** A fresh temporary path beside {@code target}, for a writer that needs a path of its own. */
  public static Path temporarySibling(Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
    // createTempFile makes the file private (0600); outputs are as readable as any build output.
    if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return temporary;
  }

  /**
   * Deletes a temporary sibling that will not be committed, if it is there, ignoring a failure:
   * it is hidden and named {@code .partial}, so the next build's clean-up takes a leftover one.
   * Nothing for null.
   */
  public static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Left for the next build's clean-up.
    }
  }

  /** Renames {@code temporary} over {@code target}, atomically where the file system can. */
  public static void commit(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes {@code content} as UTF-8 to {@code target}, atomically. */
  public static void writeString(Path target, String content) throws IOException {
    Path temporary = temporarySibling(target);
    try {
      Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
      commit(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
