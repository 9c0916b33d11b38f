package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image manifest, OCI or Docker v2.2: its config and layers, and for an artifact its subject.
 *
 * @param mediaType its own media type, where it names one
 * @param schemaVersion 2 for every manifest read here
 * @param config the config's descriptor
 * @param layers the layers' descriptors, bottom first
 * @param subject for an artifact, the manifest it refers to
 */
public record ImageManifest(
    Optional<String> mediaType,
    int schemaVersion,
    Descriptor config,
    List<Descriptor> layers,
    Optional<Descriptor> subject) {

  /** @param layers copied defensively */
  public ImageManifest {
    layers = List.copyOf(layers);
  }

  /**
   * @param where the document, as a message names it
   * @throws FormatException when it is not JSON, or its config or layers are missing or malformed
   */
  public static ImageManifest parse(byte[] json, String where) throws FormatException {
    return of(Json.read(json, where), where);
  }

  /** A manifest already read as a tree; see {@link #parse}. */
  public static ImageManifest of(JsonNode root, String where) throws FormatException {
    if (!root.isObject()) {
      throw new FormatException(where + " is not a JSON object");
    }
    Descriptor config = Descriptor.parse(root.get("config"), where);
    JsonNode layerNodes = root.path("layers");
    if (!layerNodes.isArray()) {
      throw new FormatException(where + " lists no layers");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode node : layerNodes) {
      layers.add(Descriptor.parse(node, where));
    }
    Optional<Descriptor> subject = root.has("subject")
        ? Optional.of(Descriptor.parse(root.get("subject"), where)) : Optional.empty();
    return new ImageManifest(Json.text(root, "mediaType"), root.path("schemaVersion").asInt(),
        config, layers, subject);
  }

  /** Config plus layers, in bytes: the image's size as a registry counts it. */
  public long size() {
    return config.size() + layers.stream().mapToLong(Descriptor::size).sum();
  }
}
