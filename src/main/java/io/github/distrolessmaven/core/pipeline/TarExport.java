package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.ImageArchive;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive step of {@code distroless:tar}: jib-core writes the image, which is then rewritten
 * as the one archive every tool reads ({@link ImageArchive}), with every tag and the SBOM, and
 * appears under its name only when whole.
 */
final class TarExport {

  private TarExport() {}

  /**
   * @param base the base as jib-core takes it
   * @param appLayersCache where the application's layers were built
   * @param baseReference the base pinned by digest where known, for the summary
   */
  static BuiltImage write(ImageSpec spec, ImageReference target, JibBuild jib, JibBuild.Base base,
      JibCredentials baseCredentials, Path appLayersCache, String baseReference,
      PendingSbom sbom) throws ImageBuildException {
    Path tar = spec.outputs().tar();
    Path jibArchive = null;
    Path combined = null;
    try {
      jibArchive = AtomicFiles.temporarySibling(tar);
      JibBuild.Result result = jib.tar(spec, base, baseCredentials, jibArchive, appLayersCache);
      List<String> tags = new ArrayList<>();
      tags.add(target.qualifier());
      spec.content().additionalTags().stream().filter(tag -> !tags.contains(tag))
          .forEach(tags::add);
      List<String> references = new ArrayList<>();
      // With the qualifier always: docker-archive needs ":latest" written out.
      tags.forEach(tag -> references.add(target.withQualifier(tag).toStringWithQualifier()));
      combined = AtomicFiles.temporarySibling(tar);
      byte[] document = sbom.forImage(result.digest());
      String created = spec.content().timestamps().creationTime().toString();
      long size;
      try (JibArchive written = JibArchive.open(jibArchive, result.digest())) {
        size = ImageArchive.rewrite(written, combined, references,
            subject -> SbomAttachment.artifact(document, subject, created));
      } catch (ArchiveException e) {
        throw new IOException(e.getMessage(), e);
      }
      AtomicFiles.commit(combined, tar);
      return new BuiltImage(target.toString(), result.digest(), result.imageId(), tags,
          baseReference, size, document, "the archive", false);
    } catch (IOException e) {
      throw new ImageBuildException("Writing " + tar + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(jibArchive);
      deleteQuietly(combined);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The temporary file is hidden and named .partial; a leftover one harms nothing.
    }
  }
}
