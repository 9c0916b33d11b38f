package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image index (OCI) or manifest list (Docker), and an OCI layout's {@code index.json}: the
 * manifests it lists, each with its platform, annotations and, for artifacts, artifact type.
 *
 * @param mediaType its own media type, where it names one
 * @param manifests the descriptors it lists, in order
 */
public record ImageIndex(Optional<String> mediaType, List<Descriptor> manifests) {

  /** @param manifests copied defensively */
  public ImageIndex {
    manifests = List.copyOf(manifests);
  }

  /**
   * @param where the document, as a message names it
   * @throws FormatException when it is not JSON, has no manifests list, or a malformed entry
   */
  public static ImageIndex parse(byte[] json, String where) throws FormatException {
    return of(Json.read(json, where), where);
  }

  /** An index already read as a tree; see {@link #parse}. */
  public static ImageIndex of(JsonNode root, String where) throws FormatException {
    JsonNode manifests = root.path("manifests");
    if (!root.isObject() || !manifests.isArray()) {
      throw new FormatException(where + " has no manifests list");
    }
    List<Descriptor> descriptors = new ArrayList<>();
    for (JsonNode node : manifests) {
      descriptors.add(Descriptor.parse(node, where));
    }
    return new ImageIndex(Json.text(root, "mediaType"), descriptors);
  }

  /** Whether {@code document}, whose descriptor may not say, is an index rather than a manifest. */
  /**
   * Whether {@code document} is an index: by its own media type, else by {@code declared} (its
   * descriptor's, or the registry's Content-Type), else by having a manifests list.
   */
  public static boolean isIndex(JsonNode document, Optional<String> declared) {
    return Json.text(document, "mediaType").or(() -> declared).map(MediaTypes.INDEXES::contains)
        .orElse(document.path("manifests").isArray());
  }

  public static boolean isIndex(Descriptor descriptor, JsonNode document) {
    if (descriptor.mediaType().isPresent()) {
      return descriptor.isIndex();
    }
    return Json.text(document, "mediaType").map(MediaTypes.INDEXES::contains)
        .orElse(document.path("manifests").isArray());
  }

  /** The entries that may lead to an image: manifests and indexes, not artifacts. */
  public List<Descriptor> images() {
    return manifests.stream().filter(Descriptor::mayBeImage).toList();
  }

  /**
   * Of {@code entries}, those for {@code platform}; when none names it, those that name no
   * platform at all (an index that does not say), never entries for other platforms.
   */
  public static List<Descriptor> candidatesFor(List<Descriptor> entries, Platform platform) {
    List<Descriptor> matching = entries.stream()
        .filter(entry -> entry.platform().map(platform::matches).orElse(false)).toList();
    return matching.isEmpty()
        ? entries.stream().filter(entry -> entry.platform().isEmpty()).toList() : matching;
  }

  /** The platforms {@code entries} name, each once, in order: {@code linux/amd64, linux/arm64/v8}. */
  public static String platformsOf(List<Descriptor> entries) {
    return String.join(", ", entries.stream().flatMap(entry -> entry.platform().stream())
        .map(Platform::toString).distinct().toList());
  }

  /**
   * An index of images, as a registry stores it: {@code schemaVersion}, {@code mediaType} and
   * each image's descriptor with its platform ({@code architecture}, {@code os}, {@code variant}
   * where named), in the order given. The same images give the same bytes.
   *
   * @param mediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}
   * @param images each with its media type and platform
   */
  public static byte[] write(String mediaType, List<Descriptor> images) {
    ObjectNode index = Json.object();
    index.put("schemaVersion", 2);
    index.put("mediaType", mediaType);
    ArrayNode manifests = index.putArray("manifests");
    for (Descriptor image : images) {
      ObjectNode entry = manifests.addObject();
      image.writeTo(entry);
      Platform platform = image.platform().orElseThrow(
          () -> new IllegalArgumentException(image.digest() + " names no platform"));
      ObjectNode node = entry.putObject("platform");
      node.put("architecture", platform.architecture());
      node.put("os", platform.os());
      platform.variant().ifPresent(variant -> node.put("variant", variant));
    }
    return Json.write(index);
  }

  /** The entries that are artifacts (an SBOM, a signature), listed with their artifact type. */
  public List<Descriptor> artifacts() {
    return manifests.stream().filter(entry -> entry.artifactType().isPresent()).toList();
  }
}
