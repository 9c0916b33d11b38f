package io.github.distrolessmaven.core.freshness;

import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a stale pin where the build files write it, and nothing else: the old digest's text
 * becomes the new digest's, every other byte of the file (formatting, comments, line endings,
 * encoding) stays as it was. The file is replaced whole, so that a killed build leaves it as it
 * was or as it should be, never half written.
 */
public final class PinUpdate {

  /**
   * What the update did.
   *
   * @param file the file rewritten, or that already held the new pin
   * @param replaced how many times the old digest was replaced there; 0 when none was found
   */
  public record Result(Optional<Path> file, int replaced) {}

  /** Modules of one build may update one parent POM side by side. */
  private static final Object LOCK = new Object();

  private PinUpdate() {}

  /**
   * Replaces the pinned digest in the first of {@code files} that writes it: where the whole
   * reference is written ({@code repository:tag@digest}), that reference; else, where the file
   * writes the digest alone (a property the reference is made of), the digest.
   *
   * @param files the build files that may set the base, the module's own first
   * @param reference the pinned reference as the build read it
   * @param oldDigest the digest it pins
   * @param newDigest the digest to pin instead
   * @return the file rewritten; or, where none writes the old digest but one writes the new
   *     (another module's check updated it), that one with no replacement; else none
   */
  public static Result apply(List<Path> files, String reference, String oldDigest,
      String newDigest) throws IOException {
    synchronized (LOCK) {
      String updatedReference = reference.replace(oldDigest, newDigest);
      for (String written : List.of(reference, oldDigest)) {
        String replacement = written.equals(reference) ? updatedReference : newDigest;
        for (Path file : files) {
          // Byte for byte: ISO-8859-1 maps every byte to one char and back.
          String text = Files.readString(file, StandardCharsets.ISO_8859_1);
          int count = occurrences(text, written);
          if (count > 0) {
            replace(file, text.replace(written, replacement));
            return new Result(Optional.of(file), count);
          }
        }
      }
      for (Path file : files) {
        if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(newDigest)) {
          return new Result(Optional.of(file), 0);
        }
      }
      return new Result(Optional.empty(), 0);
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** Writes {@code text} beside {@code file}, then moves it over, keeping the file's mode. */
  private static void replace(Path file, String text) throws IOException {
    Path temporary = AtomicFiles.temporarySibling(file);
    try {
      Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
      PosixFileAttributeView posix =
          Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(temporary, posix.readAttributes().permissions());
      }
      AtomicFiles.commit(temporary, file);
    } finally {
      AtomicFiles.deleteQuietly(temporary);
    }
  }
}
