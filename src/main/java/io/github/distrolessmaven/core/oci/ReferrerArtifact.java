package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OCI artifact that refers to an image (OCI image spec 1.1): an image manifest whose
 * {@code artifactType} says what it is, whose one layer is the document, whose config is the
 * empty descriptor, and whose {@code subject} is the image. Registries and tools find it from
 * the image's digest, through the referrers API or the referrers tag schema.
 *
 * @param manifest the artifact's manifest bytes, fixed once made
 * @param descriptor the manifest's descriptor, with {@code artifactType} for indexes
 * @param artifactType what the document is, e.g. {@code application/vnd.cyclonedx+json}
 * @param blobs the config and the document, by digest, that must exist before the manifest
 */
public record ReferrerArtifact(
    byte[] manifest, Descriptor descriptor, String artifactType, Map<String, byte[]> blobs) {

  /** The empty config of an artifact: the two bytes {@code {}}. */
  static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

  /** @param blobs copied, in digest order so that archives holding them are reproducible */
  public ReferrerArtifact {
    blobs = Collections.unmodifiableSortedMap(new TreeMap<>(blobs));
  }

  /**
   * @param artifactType the document's media type, which is also the artifact type
   * @param document the document's bytes
   * @param title the file name tools give the document when they fetch it
   * @param subject the image the document describes
   * @param created when the image was created, as RFC 3339; the artifact's own creation time, so
   *     that the same image gives the same artifact
   */
  public static ReferrerArtifact of(
      String artifactType, byte[] document, String title, Descriptor subject, String created) {
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("artifactType", artifactType);
    Descriptor empty = Descriptor.of(MediaTypes.OCI_EMPTY, EMPTY);
    ObjectNode config = manifest.putObject("config");
    empty.writeTo(config);
    config.put("data", Base64.getEncoder().encodeToString(EMPTY));
    Descriptor layer = Descriptor.of(artifactType, document);
    ObjectNode layerNode = manifest.putArray("layers").addObject();
    layer.writeTo(layerNode);
    layerNode.putObject("annotations").put("org.opencontainers.image.title", title);
    subject.writeTo(manifest.putObject("subject"));
    manifest.putObject("annotations").put("org.opencontainers.image.created", created);
    byte[] bytes = Json.write(manifest);
    Map<String, byte[]> blobs = new TreeMap<>();
    blobs.put(empty.digest(), EMPTY);
    blobs.put(layer.digest(), document);
    return new ReferrerArtifact(
        bytes, Descriptor.of(MediaTypes.OCI_MANIFEST, bytes), artifactType, blobs);
  }

  /** The manifest's entry in an index: its descriptor plus {@code artifactType}. */
  public ObjectNode indexEntry() {
    ObjectNode entry = Json.object();
    descriptor.writeTo(entry);
    entry.put("artifactType", artifactType);
    return entry;
  }
}
