package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.archive.ImageArchive;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive step of {@code distroless:tar} and {@code distroless:load}: jib-core writes the
 * image, which is then rewritten as the one archive every tool reads ({@link ImageArchive}), with
 * every tag and the SBOM, into its {@link ArchiveSink}: a file that appears under its name only
 * when whole, or the local engine as it is written.
 */
final class TarExport {

  private TarExport() {}

  /**
   * @param base the base as jib-core takes it
   * @param appLayersCache where the application's layers were built
   * @param baseReference the base pinned by digest where known, for the summary
   */
  static BuiltImage write(ImageSpec spec, Destination destination, ImageReference target,
      JibBuild jib, JibBuild.Base base, JibCredentials baseCredentials, Path appLayersCache,
      String baseReference, PendingSbom sbom, BuildLog log) throws ImageBuildException {
    Path tar = spec.outputs().tar();
    Path jibArchive = null;
    try (ArchiveSink sink = ArchiveSink.of(destination, tar, log)) {
      jibArchive = AtomicFiles.temporarySibling(tar);
      JibBuild.Written written = jib.tar(spec, base, baseCredentials, jibArchive, appLayersCache);
      List<String> tags = tags(target, spec);
      List<String> references = references(target, tags);
      String created = spec.content().timestamps().creationTime().toString();
      long size;
      byte[] document;
      String digest;
      String imageId;
      try (JibArchive image = written.open()) {
        digest = image.manifestDigest();
        imageId = image.blobs().get(0).digest();
        document = sbom.forImage(digest);
        size = ImageArchive.rewrite(image, sink.open(), references,
            subject -> SbomAttachment.artifact(document, subject, created));
      } catch (ArchiveException e) {
        throw new IOException(e.getMessage(), e);
      }
      sink.commit();
      return new BuiltImage(target.toString(), digest, imageId, tags,
          baseReference, size, document, sbomPlace(destination), false);
    } catch (IOException e) {
      throw failure(destination, tar, e);
    } finally {
      AtomicFiles.deleteQuietly(jibArchive);
    }
  }

  /** Where the SBOM went beside the image: in the archive, or nowhere an engine keeps it. */
  private static String sbomPlace(Destination destination) {
    return destination == Destination.ENGINE ? "none: an engine keeps no referrers" : "the archive";
  }

  private static ImageBuildException failure(Destination destination, Path tar, IOException e) {
    return new ImageBuildException(destination == Destination.ENGINE
        ? "Loading the image into the engine failed: " + e.getMessage()
        : "Writing " + tar + " failed: " + e.getMessage(), e);
  }

  /**
   * The archive of a multi-platform image: every platform's image and their index (the same
   * bytes a push of them stores) under every tag, each platform's SBOM as its referrer, and the
   * docker-archive part naming one platform's image for {@code docker load} / {@code podman
   * load}: the spec's load platform, else this machine's when it is built, else the first.
   *
   * @param builds one per platform, in the order the index lists them
   * @param bases the base's image per platform, to derive the other platforms' images from
   *     the first's
   * @param baseLayersCache jib-core's base-layer cache
   * @param log receives what jib-core says while it builds
   */
  static BuiltImage writeIndex(ImageSpec spec, ImageReference target, JibBuild jib,
      List<IndexPush.PlatformBuild> builds, JibCredentials baseCredentials, Path appLayersCache,
      IndexPush.BaseImages bases, Path baseLayersCache, String baseReference,
      Destination destination, BuildLog log) throws ImageBuildException {
    Path tar = spec.outputs().tar();
    List<ArchivedImage> opened = new ArrayList<>();
    try (ArchiveSink sink = ArchiveSink.of(destination, tar, log);
        IndexPush.Assembly assembly = new IndexPush.Assembly(spec, jib, builds,
        baseCredentials, appLayersCache, bases, baseLayersCache, log)) {
      List<ImageArchive.PlatformImage> images = new ArrayList<>();
      List<ReferrerArtifact> referrers = new ArrayList<>();
      List<BuiltImage.PlatformImage> built = new ArrayList<>();
      String created = spec.content().timestamps().creationTime().toString();
      byte[] firstSbom = null;
      for (int i = 0; i < builds.size(); i++) {
        IndexPush.PlatformBuild build = builds.get(i);
        ArchivedImage image = assembly.image(i);
        opened.add(image);
        images.add(new ImageArchive.PlatformImage(image, build.platform()));
        byte[] document = build.sbom().forImage(image.manifestDigest());
        firstSbom = firstSbom == null ? document : firstSbom;
        referrers.add(SbomAttachment.artifact(document, Descriptor.of(image.manifestMediaType(),
            image.manifestDigest(), image.manifestBytes().length), created));
        built.add(new BuiltImage.PlatformImage(build.platform().toString(),
            image.manifestDigest(), image.blobs().get(0).digest(), image.size()));
      }
      List<Platform> platforms = builds.stream().map(IndexPush.PlatformBuild::platform).toList();
      Platform loaded = spec.loadPlatform()
          .or(() -> platforms.stream().filter(Platform.host()::matches).findFirst())
          .orElse(platforms.get(0));
      List<String> tags = tags(target, spec);
      String digest = ImageArchive.rewriteIndex(images, IndexPush.indexMediaType(spec), loaded,
          sink.open(), references(target, tags), referrers);
      sink.commit();
      return new BuiltImage(target.toString(), digest, built.get(0).imageId(), tags,
          baseReference, ArchivedImage.sizeOf(opened), firstSbom,
          destination == Destination.ENGINE ? sbomPlace(destination)
              : "each platform's image in the archive (" + loaded + " loads)", false, built);
    } catch (IOException e) {
      throw failure(destination, tar, e);
    }
  }

  /** The target's tag, then each additional one not given before. */
  private static List<String> tags(ImageReference target, ImageSpec spec) {
    List<String> tags = new ArrayList<>();
    tags.add(target.qualifier());
    spec.content().additionalTags().stream().filter(tag -> !tags.contains(tag))
        .forEach(tags::add);
    return tags;
  }

  /** Each tag as a full reference, with the qualifier always: docker-archive needs ":latest". */
  private static List<String> references(ImageReference target, List<String> tags) {
    return tags.stream().map(tag -> target.withQualifier(tag).toStringWithQualifier()).toList();
  }

}
