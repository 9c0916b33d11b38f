package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI content descriptor: what a manifest or an index says about a blob or another manifest.
 *
 * @param mediaType the content's media type; empty where the document names none
 * @param digest its digest, {@code sha256:...}
 * @param size its length in bytes
 * @param platform in an index, the platform of the image it points to
 * @param annotations its annotations, in the document's order
 * @param artifactType in an index, what an artifact manifest holds (an SBOM, a signature)
 */
public record Descriptor(
    Optional<String> mediaType,
    String digest,
    long size,
    Optional<Platform> platform,
    Map<String, String> annotations,
    Optional<String> artifactType) {

  /** The annotation that names a manifest in an OCI layout: its tag. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  /** The annotation that carries an image's full name, as containerd and docker write it. */
  public static final String IMAGE_NAME = "io.containerd.image.name";

  /** Checks the digest; copies the annotations. */
  public Descriptor {
    if (!Sha256.DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /** A plain descriptor: type, digest, size. */
  public static Descriptor of(String mediaType, String digest, long size) {
    return new Descriptor(Optional.of(mediaType), digest, size, Optional.empty(), Map.of(),
        Optional.empty());
  }

  /** The descriptor of these exact bytes. */
  public static Descriptor of(String mediaType, byte[] content) {
    return of(mediaType, Sha256.of(content), content.length);
  }

  /**
   * Reads a descriptor as the specifications write it.
   *
   * @param where the document it is in, as a message names it
   * @throws FormatException when it is no object, or its digest or size is missing or malformed
   */
  public static Descriptor parse(JsonNode node, String where) throws FormatException {
    if (node == null || !node.isObject()) {
      throw new FormatException(where + " holds a descriptor that is not a JSON object");
    }
    String digest = Json.text(node, "digest").orElse("");
    if (!Sha256.DIGEST.matcher(digest).matches()) {
      throw new FormatException(where + " " + (digest.matches(
          "[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+")
          ? "uses the digest algorithm " + digest.substring(0, digest.indexOf(':'))
              + ", and only sha256 is supported"
          : "has the malformed digest '" + digest + "'"));
    }
    JsonNode size = node.get("size");
    if (size == null || !size.isIntegralNumber() || size.asLong() < 0) {
      throw new FormatException(where + " gives no valid size for " + digest);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    node.path("annotations").fields().forEachRemaining(field -> {
      if (field.getValue().isTextual()) {
        annotations.put(field.getKey(), field.getValue().asText());
      }
    });
    JsonNode platform = node.path("platform");
    Optional<Platform> parsedPlatform = Optional.empty();
    if (Json.text(platform, "os").isPresent() && Json.text(platform, "architecture").isPresent()) {
      parsedPlatform = Optional.of(Platform.of(Json.text(platform, "os").get(),
          Json.text(platform, "architecture").get(), Json.text(platform, "variant").orElse(null)));
    }
    return new Descriptor(Json.text(node, "mediaType"), digest, size.asLong(), parsedPlatform,
        annotations, Json.text(node, "artifactType"));
  }

  /** The tag it carries in an OCI layout ({@value #REF_NAME}). */
  public Optional<String> refName() {
    return Optional.ofNullable(annotations.get(REF_NAME)).filter(name -> !name.isBlank());
  }

  /** The full image name it carries ({@value #IMAGE_NAME}). */
  public Optional<String> imageName() {
    return Optional.ofNullable(annotations.get(IMAGE_NAME)).filter(name -> !name.isBlank());
  }

  /** Where an OCI layout keeps this blob: {@code blobs/sha256/<hex>}. */
  public String blobPath() {
    return blobPath(digest);
  }

  /** Where an OCI layout keeps the blob with this digest. */
  public static String blobPath(String digest) {
    return "blobs/sha256/" + Sha256.hex(digest);
  }

  /** Whether it points to an index or a manifest list. */
  public boolean isIndex() {
    return mediaType.map(MediaTypes.INDEXES::contains).orElse(false);
  }

  /** Whether it may point to an image: a manifest, an index, or untyped; not an artifact. */
  public boolean mayBeImage() {
    return artifactType.isEmpty() && mediaType.map(type -> MediaTypes.INDEXES.contains(type)
        || MediaTypes.IMAGE_MANIFESTS.contains(type)).orElse(true);
  }

  /** How a list of choices names it: the ref name, else the digest's start, and the platform. */
  public String label() {
    String name = refName().orElse(digest.substring(0, "sha256:".length() + 12));
    return platform.map(p -> name + " (" + p + ")").orElse(name);
  }

  /** The same descriptor, naming the platform of the image it points to (in an index). */
  public Descriptor withPlatform(Platform platform) {
    return new Descriptor(mediaType, digest, size, Optional.of(platform), annotations,
        artifactType);
  }

  /** Writes mediaType, digest and size into {@code node}, in that order. */
  public void writeTo(ObjectNode node) {
    node.put("mediaType", mediaType.orElseThrow());
    node.put("digest", digest);
    node.put("size", size);
  }
}
