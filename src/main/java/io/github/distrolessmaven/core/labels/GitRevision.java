package io.github.distrolessmaven.core.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the commit a checkout is at straight from {@code .git}, so that the revision label needs
 * no git binary: HEAD, then the loose ref or {@code packed-refs} it names.
 */
public final class GitRevision {

  private GitRevision() {}

  /** @param directory the project's base directory; {@code .git} is looked for there and above */
  public static Optional<String> of(Path directory) {
    for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isDirectory(git)) {
        return read(git);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> read(Path git) {
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return commit(head);
      }
      String ref = head.substring(5).trim();
      Path loose = git.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return commit(Files.readString(loose, StandardCharsets.UTF_8).trim());
      }
      Path packed = git.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
        for (String line : lines) {
          if (line.endsWith(" " + ref)) {
            return commit(line.substring(0, line.indexOf(' ')));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      // A broken or partial checkout only loses the revision label.
      return Optional.empty();
    }
  }

  private static Optional<String> commit(String value) {
    return value.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? Optional.of(value) : Optional.empty();
  }
}
