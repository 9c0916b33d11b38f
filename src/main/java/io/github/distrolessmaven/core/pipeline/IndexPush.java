package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.push.ImageUpload;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push of an image for several platforms: per platform, jib-core assembles the image on the
 * base's image for that platform, with the same application layers (built once, so their digests
 * are the same and each is sent once), and it is pushed by digest with its SBOM attached; then
 * an image index ({@code OCI}) or manifest list ({@code Docker}) of them goes under every tag.
 * A tag moves only once every platform's image is whole in the registry.
 */
final class IndexPush {

  /**
   * One platform's part of the build.
   *
   * @param platform what it is built for, as the index names it
   * @param base the base as jib-core takes it, for that platform
   * @param sbom that platform's SBOM, in preparation
   */
  record PlatformBuild(Platform platform, JibBuild.Base base, PendingSbom sbom) {}

  private IndexPush() {}

  /**
   * @param builds one per platform, in the order the index lists them
   * @param repository a client that may push to the target repository, and pull from {@code
   *     mountFrom}
   * @param tags every tag to point at the index
   * @param baseReference the base, pinned, for the result
   */
  static BuiltImage push(ImageSpec spec, ImageReference target, JibBuild jib,
      List<PlatformBuild> builds, JibCredentials baseCredentials, Path appLayersCache,
      RegistryClient repository, List<String> tags, Optional<String> mountFrom,
      String baseReference, BuildLog log) throws ImageBuildException {
    ImageUpload upload = new ImageUpload(repository, log);
    List<Descriptor> images = new ArrayList<>();
    List<BuiltImage.PlatformImage> pushed = new ArrayList<>();
    Map<String, Long> blobs = new LinkedHashMap<>();
    List<String> attached = new ArrayList<>();
    byte[] firstSbom = null;
    String firstImageId = null;
    for (PlatformBuild build : builds) {
      log.info("Building for " + build.platform());
      Path archive = null;
      try {
        archive = AtomicFiles.temporarySibling(spec.outputs().tar());
        JibBuild.Result result =
            jib.tar(spec, build.base(), baseCredentials, archive, appLayersCache);
        SbomAttachment.ServedImage served;
        try (JibArchive image = JibArchive.open(archive, result.digest())) {
          upload.push(image, target, List.of(), mountFrom);
          served = SbomAttachment.ServedImage.of(image.manifestBytes(), result.digest());
          image.blobs().forEach(blob -> blobs.put(blob.digest(), blob.size()));
        }
        byte[] sbom = build.sbom().forImage(result.digest());
        attached.add(build.platform() + ": " + SbomAttachment.attach(repository, served.manifest(), sbom,
            spec.content().timestamps().creationTime().toString()));
        images.add(served.manifest().withPlatform(build.platform()));
        pushed.add(new BuiltImage.PlatformImage(build.platform().toString(), result.digest(),
            result.imageId(), served.size()));
        if (firstSbom == null) {
          firstSbom = sbom;
          firstImageId = result.imageId();
        }
      } catch (ArchiveException | IOException e) {
        throw new ImageBuildException("Assembling the " + build.platform() + " image for "
            + repository.name() + " failed: " + e.getMessage(), e);
      } finally {
        deleteQuietly(archive);
      }
    }
    String mediaType = indexMediaType(spec);
    byte[] index = ImageIndex.write(mediaType, images);
    upload.manifest(index, mediaType, target, tags);
    long size = blobs.values().stream().mapToLong(Long::longValue).sum();
    return new BuiltImage(target.toString(), Sha256.of(index), firstImageId, tags, baseReference,
        size, firstSbom, "each platform's image (" + String.join("; ", attached) + ")", false,
        pushed);
  }

  /** An OCI image index for the OCI format, a Docker manifest list for Docker's. */
  static String indexMediaType(ImageSpec spec) {
    return spec.content().format() == ImageFormat.OCI
        ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST;
  }

  private static void deleteQuietly(Path archive) {
    if (archive != null) {
      try {
        Files.deleteIfExists(archive);
      } catch (IOException e) {
        // Hidden and named .partial: the next build's clean-up takes it.
      }
    }
  }
}
