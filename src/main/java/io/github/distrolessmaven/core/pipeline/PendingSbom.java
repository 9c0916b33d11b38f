package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.sbom.ImageSbom;
import io.github.distrolessmaven.core.sbom.SbomSubject;
import io.github.distrolessmaven.core.spec.ImageContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The image's SBOM, prepared while the image is pushed or written (hashing every jar is its slow
 * part); only the image's digest is added once it is known.
 */
final class PendingSbom {

  private final CompletableFuture<ImageSbom> prepared;
  private final String repository;
  private final Instant created;

  private PendingSbom(CompletableFuture<ImageSbom> prepared, String repository, Instant created) {
    this.prepared = prepared;
    this.repository = repository;
    this.created = created;
  }

  /**
   * Starts preparing the SBOM on another thread.
   *
   * @param jarHashes where the jars' hashes are remembered
   * @param repository where the image lives, without tag, e.g. {@code registry:5000/team/app}
   */
  static PendingSbom start(
      ImageContent content, BaseContents base, Path jarHashes, String repository) {
    return new PendingSbom(CompletableFuture.supplyAsync(() -> {
      try {
        return ImageSbom.prepare(content.application(), content.dependencies(), base,
            linkedRuntime(content), jarHashes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }), repository, content.timestamps().creationTime());
  }

  /** The release file of a runtime the build linked into the image, if it did. */
  private static Optional<ImageSbom.LinkedRuntime> linkedRuntime(ImageContent content) {
    return content.layers().linkedRuntime().stream()
        .flatMap(layer -> layer.files().stream())
        .filter(file -> file.target().endsWith("/release"))
        .min(Comparator.comparingInt(file -> file.target().length()))
        .map(file -> new ImageSbom.LinkedRuntime(file.source(),
            file.target().substring(0, file.target().length() - "/release".length())));
  }

  /** The SBOM of the image with the given manifest digest. */
  byte[] forImage(String digest) throws ImageBuildException {
    try {
      return prepared.join().forImage(new SbomSubject(repository, digest), created);
    } catch (CompletionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException unchecked
          ? unchecked.getCause() : e.getCause();
      throw new ImageBuildException("Cannot write the SBOM: " + cause.getMessage(), cause);
    }
  }
}
