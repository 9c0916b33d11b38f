package io.github.distrolessmaven.core.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferrerArtifactTest {

  static final byte[] SBOM = "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);
  static final Descriptor IMAGE = Descriptor.of(
      "application/vnd.docker.distribution.manifest.v2+json", "sha256:" + "a".repeat(64), 1234);

  static ReferrerArtifact sbom() {
    return ReferrerArtifact.of(
        "application/vnd.cyclonedx+json", SBOM, "sbom.cdx.json", IMAGE, "2026-01-01T00:00:00Z");
  }

  @Test
  void manifestFollowsTheOciArtifactGuidance() throws Exception {
    ReferrerArtifact artifact = sbom();
    JsonNode manifest = new ObjectMapper().readTree(artifact.manifest());

    assertEquals(2, manifest.get("schemaVersion").asInt());
    assertEquals(MediaTypes.OCI_MANIFEST, manifest.get("mediaType").asText());
    assertEquals("application/vnd.cyclonedx+json", manifest.get("artifactType").asText());
    assertEquals("application/vnd.oci.empty.v1+json", manifest.get("config").get("mediaType").asText());
    assertEquals("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        manifest.get("config").get("digest").asText(), "the empty descriptor of the spec");
    assertEquals(2, manifest.get("config").get("size").asInt());
    JsonNode layer = manifest.get("layers").get(0);
    assertEquals(Sha256.of(SBOM), layer.get("digest").asText());
    assertEquals(SBOM.length, layer.get("size").asInt());
    assertEquals("sbom.cdx.json", layer.get("annotations").get("org.opencontainers.image.title").asText());
    assertEquals(IMAGE.digest(), manifest.get("subject").get("digest").asText());
    assertEquals(IMAGE.mediaType().orElseThrow(), manifest.get("subject").get("mediaType").asText());
    assertEquals(1234, manifest.get("subject").get("size").asLong());
  }

  @Test
  void carriesExactlyItsConfigAndDocument() {
    ReferrerArtifact artifact = sbom();
    assertEquals(List.of("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        Sha256.of(SBOM)).stream().sorted().toList(), List.copyOf(artifact.blobs().keySet()));
    assertArrayEquals(SBOM, artifact.blobs().get(Sha256.of(SBOM)));
    assertEquals(Sha256.of(artifact.manifest()), artifact.descriptor().digest());
    assertEquals(artifact.manifest().length, artifact.descriptor().size());
  }

  @Test
  void sameInputsGiveTheSameManifest() {
    assertArrayEquals(sbom().manifest(), sbom().manifest());
  }
}
