package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.push.ImageUpload;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The push of a full build: jib-core assembles the image (reading the base's manifest and
 * config, with every layer in its caches) into an archive beside the {@code tar} goal's, and
 * the plugin's own registry client puts it into the target repository ({@link ImageUpload}),
 * under the one retry, TLS and credential policy of every other push. The archive is deleted
 * when the push ends, whole or not.
 */
final class FullPush {

  /** What was pushed: the image's digests and its manifest as the registry holds it. */
  record Pushed(String digest, String imageId, SbomAttachment.ServedImage served) {}

  private FullPush() {}

  /**
   * @param base the base as jib-core takes it
   * @param appLayersCache where the application's layers were built
   * @param repository a client that may push to the target repository, and pull from {@code
   *     mountFrom}
   * @param tags every tag to point at the image
   * @param mountFrom the base's repository, where the target registry serves it too
   * @param log receives one line per blob
   */
  static Pushed push(ImageSpec spec, ImageReference target, JibBuild jib, JibBuild.Base base,
      JibCredentials baseCredentials, Path appLayersCache, RegistryClient repository,
      List<String> tags, Optional<String> mountFrom, BuildLog log) throws ImageBuildException {
    Path archive = null;
    try {
      archive = AtomicFiles.temporarySibling(spec.outputs().tar());
      try (JibArchive image =
          jib.tar(spec, base, baseCredentials, archive, appLayersCache).open()) {
        new ImageUpload(repository, log).push(image, target, tags, mountFrom);
        return new Pushed(image.manifestDigest(), image.blobs().get(0).digest(),
            SbomAttachment.ServedImage.of(image.manifestBytes(), image.manifestDigest()));
      }
    } catch (ArchiveException | IOException e) {
      throw new ImageBuildException("Assembling the image for " + repository.name()
          + " failed: " + e.getMessage(), e);
    } finally {
      AtomicFiles.deleteQuietly(archive);
    }
  }
}
