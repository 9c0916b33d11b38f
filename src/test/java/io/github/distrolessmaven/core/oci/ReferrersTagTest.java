package io.github.distrolessmaven.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferrersTagTest {

  @Test
  void tagIsTheSubjectDigestWithADash() {
    assertEquals("sha256-" + "a".repeat(64), ReferrersTag.tagFor("sha256:" + "a".repeat(64)));
  }

  @Test
  void newIndexListsTheArtifactWithItsType() throws Exception {
    ReferrerArtifact sbom = ReferrerArtifactTest.sbom();
    JsonNode index = new ObjectMapper().readTree(ReferrersTag.withArtifact(Optional.empty(), sbom).get());

    assertEquals(MediaTypes.OCI_INDEX, index.get("mediaType").asText());
    assertEquals(1, index.get("manifests").size());
    JsonNode entry = index.get("manifests").get(0);
    assertEquals(sbom.descriptor().digest(), entry.get("digest").asText());
    assertEquals(sbom.descriptor().size(), entry.get("size").asLong());
    assertEquals(MediaTypes.OCI_MANIFEST, entry.get("mediaType").asText());
    assertEquals("application/vnd.cyclonedx+json", entry.get("artifactType").asText());
  }

  @Test
  void keepsWhatOtherToolsListedThere() throws Exception {
    String signature = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
        + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"digest\":\"sha256:" + "b".repeat(64) + "\",\"size\":10,"
        + "\"artifactType\":\"application/vnd.dev.cosign.artifact.sig.v1+json\","
        + "\"annotations\":{\"x\":\"y\"}}]}";
    byte[] updated = ReferrersTag.withArtifact(
        Optional.of(signature.getBytes(StandardCharsets.UTF_8)), ReferrerArtifactTest.sbom()).get();

    JsonNode manifests = new ObjectMapper().readTree(updated).get("manifests");
    assertEquals(2, manifests.size());
    assertEquals(new ObjectMapper().readTree(signature).get("manifests").get(0), manifests.get(0));
  }

  @Test
  void anArtifactListedAlreadyChangesNothing() throws Exception {
    byte[] once = ReferrersTag.withArtifact(Optional.empty(), ReferrerArtifactTest.sbom()).get();
    assertTrue(ReferrersTag.withArtifact(Optional.of(once), ReferrerArtifactTest.sbom()).isEmpty());
  }

  @Test
  void somethingElseUnderTheTagIsRefused() {
    byte[] image = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class,
        () -> ReferrersTag.withArtifact(Optional.of(image), ReferrerArtifactTest.sbom()));
  }
}
