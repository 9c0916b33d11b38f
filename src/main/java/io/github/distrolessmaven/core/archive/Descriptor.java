package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.blobs.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import java.util.Optional;
import java.util.Set;

/**
 * An OCI content descriptor: the media type, digest and size of a blob, and in an index the
 * platform and ref name of the manifest it points to.
 */
record Descriptor(
    Optional<String> mediaType,
    String digest,
    long size,
    Optional<String> refName,
    Optional<Platform> platform) {

  static final String REF_NAME = "org.opencontainers.image.ref.name";

  static final Set<String> INDEX_TYPES =
      Set.of(
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");

  static final Set<String> MANIFEST_TYPES =
      Set.of(
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  /**
   * @param where the document the descriptor is in, as a message names it
   * @throws ImageBuildException when the digest or size is missing or malformed
   */
  static Descriptor parse(JsonNode node, String where) throws ImageBuildException {
    if (node == null || !node.isObject()) {
      throw new ImageBuildException(
          where + " holds a descriptor that is not a JSON object; the image is corrupt.");
    }
    String digest = ImageJson.text(node, "digest").orElse("");
    if (!Sha256.DIGEST.matcher(digest).matches()) {
      String problem =
          digest.matches("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+")
              ? "uses the digest algorithm " + digest.substring(0, digest.indexOf(':'))
                  + ", and only sha256 is supported"
              : "has the malformed digest '" + digest + "'";
      throw new ImageBuildException(where + " " + problem + ".");
    }
    JsonNode size = node.get("size");
    if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
      throw new ImageBuildException(
          where + " gives no valid size for " + digest + "; the image is corrupt.");
    }
    JsonNode annotations = node.path("annotations");
    Optional<String> refName =
        annotations.isObject() ? ImageJson.text(annotations, REF_NAME) : Optional.empty();
    JsonNode platform = node.path("platform");
    Optional<Platform> parsedPlatform = Optional.empty();
    if (platform.isObject()
        && ImageJson.text(platform, "os").isPresent()
        && ImageJson.text(platform, "architecture").isPresent()) {
      parsedPlatform =
          Optional.of(
              Platform.of(
                  ImageJson.text(platform, "os").get(),
                  ImageJson.text(platform, "architecture").get()));
    }
    return new Descriptor(
        ImageJson.text(node, "mediaType"), digest, size.asLong(), refName, parsedPlatform);
  }

  /** Where an OCI layout keeps this blob. */
  String blobName() {
    return "blobs/sha256/" + Sha256.hex(digest);
  }

  boolean isIndex() {
    return mediaType.map(INDEX_TYPES::contains).orElse(false);
  }

  /** Whether it may point to an image: a manifest, an index, or untyped. */
  boolean mayBeImage() {
    return mediaType.map(type -> INDEX_TYPES.contains(type) || MANIFEST_TYPES.contains(type))
        .orElse(true);
  }

  /** How a list of choices names it: the ref name, else the digest's start, and the platform. */
  String label() {
    String name = refName.orElse(digest.substring(0, "sha256:".length() + 12));
    return platform.map(p -> name + " (" + p + ")").orElse(name);
  }
}
