package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers which digest each base tag last resolved to, beside the base layer cache. Online
 * builds pin the base by digest, so Jib caches it under the digest; an offline build finds the
 * digest here and so builds from that cache with no network.
 */
public final class ResolvedBaseTags {

  private final Path directory;

  /** @param directory where the memory lives ({@link StateFiles#resolvedBaseTags()}) */
  public ResolvedBaseTags(Path directory) {
    this.directory = directory;
  }

  public void remember(String reference, String digest) throws IOException {
    AtomicFiles.writeString(fileFor(reference), digest + "\n");
  }

  public Optional<String> recall(String reference) throws IOException {
    Path file = fileFor(reference);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String digest = Files.readString(file, StandardCharsets.UTF_8).trim();
    return Sha256.DIGEST.matcher(digest).matches() ? Optional.of(digest) : Optional.empty();
  }

  private Path fileFor(String reference) {
    return directory.resolve(Sha256.hex(Sha256.of(reference.getBytes(StandardCharsets.UTF_8))));
  }
}
