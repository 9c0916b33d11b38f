package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.DaemonThreads;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.progress.TransferProgress;
import io.github.distrolessmaven.core.registry.Body;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;

/**
 * Puts an image read from an archive into a repository, its manifest digest unchanged: the
 * blobs the registry lacks, a few side by side (mounted from another repository of the same
 * registry where one is named), then the manifest by its digest, then under every tag. For a
 * multi-platform image, every platform's blobs go first, then each platform's manifest by
 * digest, then the index. A tag is moved only once the image is whole in the registry; a tag
 * that could not be moved is reported with those that were.
 */
public final class ImageUpload {

  /** Blobs sent at once. */
  static final int UPLOADS = 3;

  private final RegistryClient repository;
  private final BuildLog log;
  private final Map<String, CompletableFuture<String>> sent = new ConcurrentHashMap<>();
  private final TransferProgress progress;

  /**
   * @param repository a client that may push to the target repository, and pull from the one
   *     to mount from
   * @param log receives one line per blob, and while blobs are sent how far they are
   */
  public ImageUpload(RegistryClient repository, BuildLog log) {
    this.repository = repository;
    this.log = log;
    this.progress = TransferProgress.start("Pushing", log);
  }

  /**
   * Uploads the image and tags it.
   *
   * @param target the image as the user named it, for messages
   * @param tags every tag to point at the image, the target's first
   * @param mountFrom a repository of the same registry that may hold some blobs already
   * @throws ImageBuildException when the registry refuses or cannot be reached, naming the blob
   *     or tag, and for a tag which tags were moved and which were not
   */
  public void push(ArchivedImage image, ImageReference target, List<String> tags,
      Optional<String> mountFrom) throws ImageBuildException {
    List<ArchivedImage> images = new ArrayList<>(image.platformImages());
    images.add(image);
    blobs(images, mountFrom);
    for (ArchivedImage platform : image.platformImages()) {
      String digest = platform.manifestDigest();
      put(platform.manifestBytes(), platform.manifestMediaType(), digest, digest,
          repository.name() + "@" + digest);
    }
    manifest(image.manifestBytes(), image.manifestMediaType(), target, tags);
  }

  /**
   * Puts a manifest whose blobs the repository holds: by its digest, then under every tag.
   *
   * @param target the image as the user named it, for messages
   * @throws ImageBuildException when the registry refuses or cannot be reached; for a tag, it
   *     says which tags were moved and which were not
   */
  public void manifest(byte[] manifest, String mediaType, ImageReference target,
      List<String> tags) throws ImageBuildException {
    String digest = Sha256.of(manifest);
    put(manifest, mediaType, digest, digest, repository.name() + "@" + digest);
    List<String> moved = new ArrayList<>();
    for (String tag : tags) {
      try {
        put(manifest, mediaType, digest, tag, target.withQualifier(tag).toStringWithQualifier());
      } catch (ImageBuildException e) {
        List<String> notMoved = tags.subList(moved.size(), tags.size());
        throw new ImageBuildException(e.getMessage() + ". The image is whole in "
            + repository.name() + " as " + digest + "; "
            + (moved.isEmpty() ? "no tag points to it yet"
                : "now pointing to it: " + String.join(", ", moved))
            + "; not moved: " + String.join(", ", notMoved) + ". Run the same build again to"
            + " move them: what the registry holds is not sent again.", e);
      }
      moved.add(tag);
    }
  }

  /**
   * Every blob of {@code images}, each once, {@value #UPLOADS} at a time (as docker push and
   * jib-core send several: one connection seldom fills a link, and a registry's answers to the
   * checks and mounts are round trips that overlap). The first failure ends the push; the
   * uploads still running are interrupted.
   */
  private void blobs(List<ArchivedImage> images, Optional<String> mountFrom)
      throws ImageBuildException {
    Set<String> seen = new HashSet<>();
    List<Callable<Void>> uploads = new ArrayList<>();
    for (ArchivedImage image : images) {
      for (ArchivedImage.Blob blob : image.blobs()) {
        if (seen.add(blob.digest())) {
          uploads.add(() -> {
            blob(image, blob, mountFrom);
            return null;
          });
        }
      }
    }
    if (uploads.isEmpty()) {
      return;
    }
    ExecutorService pool =
        DaemonThreads.pool("distroless-upload", Math.min(UPLOADS, uploads.size()));
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      uploads.forEach(done::submit);
      for (int i = 0; i < uploads.size(); i++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof ImageBuildException failure) {
            throw failure;
          }
          throw e.getCause() instanceof RuntimeException runtime ? runtime
              : new IllegalStateException("an upload throws no checked exception else", e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while pushing to " + repository.name(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One blob of {@code image}: already present, mounted or sent; logged. */
  private void blob(ArchivedImage image, ArchivedImage.Blob blob, Optional<String> mountFrom)
      throws ImageBuildException {
    String outcome;
    try {
      outcome = once(blob.digest(), () -> {
        if (repository.hasBlob(blob.digest())) {
          return "already present";
        }
        return repository.pushBlob(blob.digest(), progress.track(blob.digest(),
            Body.of(blob.size(), () -> image.open(blob))), mountFrom)
            == RegistryClient.Upload.MOUNTED
            ? "mounted from " + mountFrom.orElse("another repository") : "pushed";
      });
    } catch (RegistryFailure e) {
      throw new ImageBuildException("Pushing " + blob.role() + " " + blob.digest() + " to "
          + repository.name() + " failed: " + e.getMessage(), e);
    }
    progress.info(String.format(Locale.ROOT, "%s %s (%s): %s",
        capitalized(blob.role()), LogText.shortDigest(blob.digest()), LogText.size(blob.size()),
        outcome));
  }

  /**
   * Sends a blob the repository lacks, unless an image pushed through this upload sent it
   * already: for the images of an index pushed side by side, whose application layers are the
   * same.
   */
  public void send(String digest, Body body) throws RegistryFailure {
    once(digest, () -> {
      repository.pushBlob(digest, progress.track(digest, body));
      return "pushed";
    });
  }

  /**
   * {@code send}'s outcome, run once per digest however many images pushed through this upload
   * name the blob: a second image waits for the first's send and finds the blob present (or
   * fails as it did).
   */
  private String once(String digest, Send send) throws RegistryFailure {
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> earlier = sent.putIfAbsent(digest, mine);
    if (earlier != null) {
      try {
        earlier.get();
        return "already present";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryFailure.interrupted(repository.name(), "sending " + digest);
      } catch (ExecutionException e) {
        // Only a RegistryFailure or a RuntimeException completes a send exceptionally.
        if (e.getCause() instanceof RegistryFailure failure) {
          throw failure;
        }
        throw (RuntimeException) e.getCause();
      }
    }
    try {
      String outcome = send.run();
      mine.complete(outcome);
      return outcome;
    } catch (RegistryFailure | RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** One blob's way into the repository. */
  @FunctionalInterface
  private interface Send {
    String run() throws RegistryFailure;
  }

  /**
   * Puts the manifest, byte for byte, under {@code reference} (a digest or a tag).
   *
   * @param digest the manifest's digest, which the registry must store it as
   */
  private void put(byte[] manifest, String mediaType, String digest, String reference,
      String name) throws ImageBuildException {
    String stored;
    try {
      stored = repository.putManifest(reference, manifest, mediaType);
    } catch (RegistryFailure e) {
      throw new ImageBuildException("Pushing the manifest of " + name + " failed: "
          + e.getMessage(), e);
    }
    if (!stored.equals(digest)) {
      throw new ImageBuildException("The registry stored the manifest of " + name + " as "
          + stored + ", not as " + digest);
    }
    log.debug("Manifest " + digest + " put as " + reference);
  }

  private static String capitalized(String role) {
    return Character.toUpperCase(role.charAt(0)) + role.substring(1);
  }
}
