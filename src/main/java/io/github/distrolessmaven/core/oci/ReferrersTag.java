package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.util.Optional;

/**
 * The referrers tag schema of the OCI distribution spec 1.1, for registries without the
 * referrers API (distribution 2.8 and many mirrors): the tag {@code sha256-<hex>} of the
 * subject's digest holds an OCI index listing every artifact that refers to it.
 */
public final class ReferrersTag {

  private ReferrersTag() {}

  /** The tag that lists the referrers of {@code subjectDigest}. */
  public static String tagFor(String subjectDigest) {
    return "sha256-" + Sha256.hex(subjectDigest);
  }

  /**
   * The index to put under the tag: the existing one with {@code artifact} added, keeping every
   * other entry as it was; empty when the artifact is listed already.
   *
   * @param existing the index now under the tag, if any
   * @throws IOException when the existing content is not an OCI index
   */
  public static Optional<byte[]> withArtifact(Optional<byte[]> existing, ReferrerArtifact artifact)
      throws IOException {
    ObjectNode index;
    if (existing.isPresent()) {
      JsonNode parsed = Json.read(existing.get(), "the referrers tag");
      if (!(parsed instanceof ObjectNode) || !(parsed.get("manifests") instanceof ArrayNode)) {
        throw new IOException("the tag holds something other than an OCI index");
      }
      index = (ObjectNode) parsed;
      for (JsonNode entry : index.get("manifests")) {
        if (artifact.descriptor().digest().equals(entry.path("digest").asText())) {
          return Optional.empty();
        }
      }
    } else {
      index = Json.object();
      index.put("schemaVersion", 2);
      index.put("mediaType", MediaTypes.OCI_INDEX);
      index.putArray("manifests");
    }
    ((ArrayNode) index.get("manifests")).add(artifact.indexEntry());
    return Optional.of(Json.write(index));
  }
}
