package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What each base holds (its shells, packages and runtimes), remembered by what identifies its
 * content, so that a base is read once: its layers never change under the same digest.
 */
public final class BaseContentsMemory {

  private final Path directory;

  /** @param directory {@link StateFiles#baseContents()} */
  public BaseContentsMemory(Path directory) {
    this.directory = directory;
  }

  /**
   * What the base identified by {@code key} holds, if it was read before and the record reads.
   *
   * @throws IOException when the record exists but cannot be read: the base is then read again
   */
  public Optional<BaseContents> recall(String key) throws IOException {
    Path file = fileFor(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(BaseContents.fromJson(Files.readString(file)));
  }

  /** Remembers what the base identified by {@code key} holds, whole or not at all. */
  public void remember(String key, BaseContents contents) throws IOException {
    Path file = fileFor(key);
    Files.createDirectories(file.getParent());
    AtomicFiles.writeString(file, contents.toJson());
  }

  /** Where the record of {@code key} is, as messages name it. */
  public Path fileFor(String key) {
    return directory.resolve(Sha256.hex(key) + ".json");
  }
}
