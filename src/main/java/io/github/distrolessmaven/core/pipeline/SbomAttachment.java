package io.github.distrolessmaven.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.registry.Referrers;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.sbom.ImageSbom;

/**
 * The last step of a push: the image's SBOM attached to it in the registry, as an OCI artifact
 * whose subject is the image's manifest as the registry serves it.
 */
final class SbomAttachment {

  /** The file name tools give the SBOM when they fetch it from the registry. */
  static final String SBOM_TITLE = "sbom.cdx.json";

  private SbomAttachment() {}

  /**
   * An image as its registry serves it.
   *
   * @param manifest the manifest's descriptor, the subject of what is attached
   * @param size config plus compressed layers, in bytes
   */
  record ServedImage(Descriptor manifest, long size) {

    /** The image whose manifest, with this digest, is {@code manifest}. */
    static ServedImage of(byte[] manifest, String digest) throws FormatException {
      JsonNode root = Json.read(manifest, "the manifest " + digest);
      long size = root.path("config").path("size").asLong();
      for (JsonNode layer : root.path("layers")) {
        size += layer.path("size").asLong();
      }
      return new ServedImage(Descriptor.of(
          Json.text(root, "mediaType").orElse(MediaTypes.OCI_MANIFEST), digest, manifest.length),
          size);
    }
  }

  /** The SBOM as an artifact whose subject is the image {@code subject}. */
  static ReferrerArtifact artifact(byte[] sbom, Descriptor subject, String created) {
    return ReferrerArtifact.of(ImageSbom.MEDIA_TYPE, sbom, SBOM_TITLE, subject, created);
  }

  /**
   * Attaches the SBOM to the image.
   *
   * @param repository a client that may push to the image's repository
   * @return how it was attached, for the log
   */
  static String attach(RegistryClient repository, Descriptor subject, byte[] sbom, String created)
      throws ImageBuildException {
    try {
      return Referrers.attach(repository, subject, artifact(sbom, subject, created));
    } catch (RegistryFailure e) {
      throw new ImageBuildException("Attaching the SBOM to " + repository.name() + "@"
          + subject.digest() + " failed: " + e.getMessage(), e);
    }
  }
}
