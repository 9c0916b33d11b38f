package io.github.distrolessmaven.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.sbom.ImageSbom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SBOM attached to the pushed image as an OCI referrer; on a registry without the referrers
 * API (distribution 2.8), listed under the referrers tag {@code sha256-<hex>}.
 */
class SbomAttachmentTest {

  private static final String CREATED = "2026-01-02T03:04:05Z";
  private static final byte[] SBOM =
      "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private FakeRegistry registry;
  private RegistryClient repository;
  private Image image;
  private String digest;
  private String referrersTag;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    repository = FakeRegistry.registries(dir.resolve("plain-http.properties"), registry)
        .push(registry.host(), "team/app");
    image = Image.of("amd64", "app");
    digest = registry.seed("team/app", "1", image);
    referrersTag = "sha256-" + digest.substring("sha256:".length());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private String attach() throws Exception {
    Descriptor subject = SbomAttachment.ServedImage.of(image.manifest(), digest).manifest();
    return SbomAttachment.attach(repository, subject, SBOM, CREATED);
  }

  private JsonNode referrers() throws Exception {
    FakeRegistry.Manifest index = registry.manifest("team/app", referrersTag).orElseThrow();
    assertEquals(MediaTypes.OCI_INDEX, index.mediaType());
    return TestImages.JSON.readTree(index.bytes());
  }

  @Test
  void withoutTheReferrersApiTheReferrersTagListsTheSbom() throws Exception {
    assertEquals("the referrers tag " + referrersTag, attach());

    assertTrue(registry.requests().contains("GET /v2/team/app/referrers/" + digest),
        "the referrers API was asked first: " + registry.requests());
    JsonNode entries = referrers().path("manifests");
    assertEquals(1, entries.size(), entries.toString());
    JsonNode entry = entries.get(0);
    assertEquals(ImageSbom.MEDIA_TYPE, entry.path("artifactType").asText());
    assertEquals(MediaTypes.OCI_MANIFEST, entry.path("mediaType").asText());

    // The artifact the entry names: stored, its subject the image, its layer the SBOM.
    FakeRegistry.Manifest artifact =
        registry.manifest("team/app", entry.path("digest").asText()).orElseThrow();
    assertEquals(artifact.bytes().length, entry.path("size").asLong());
    JsonNode manifest = TestImages.JSON.readTree(artifact.bytes());
    assertEquals(digest, manifest.path("subject").path("digest").asText());
    assertEquals(image.manifest().length, manifest.path("subject").path("size").asLong());
    assertEquals(MediaTypes.OCI_MANIFEST, manifest.path("subject").path("mediaType").asText());
    JsonNode layer = manifest.path("layers").get(0);
    assertEquals(SbomAttachment.SBOM_TITLE,
        layer.path("annotations").path("org.opencontainers.image.title").asText());
    assertArrayEquals(SBOM,
        registry.blob("team/app", layer.path("digest").asText()).orElseThrow());
    assertTrue(registry.blob("team/app", manifest.path("config").path("digest").asText())
        .isPresent(), "the empty config is pushed too");
    assertEquals(CREATED,
        manifest.path("annotations").path("org.opencontainers.image.created").asText());
  }

  @Test
  void whatOtherToolsListedUnderTheTagIsKept() throws Exception {
    ObjectNode signature = TestImages.JSON.createObjectNode();
    signature.put("mediaType", MediaTypes.OCI_MANIFEST);
    signature.put("digest", "sha256:" + "5".repeat(64));
    signature.put("size", 123);
    signature.put("artifactType", "application/vnd.dev.cosign.artifact.sig.v1+json");
    ObjectNode index = TestImages.JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    index.putArray("manifests").add(signature);
    registry.putManifest("team/app", referrersTag, TestImages.JSON.writeValueAsBytes(index),
        MediaTypes.OCI_INDEX);

    attach();

    JsonNode entries = referrers().path("manifests");
    assertEquals(2, entries.size(), entries.toString());
    assertEquals(signature, entries.get(0), "kept as it was, first");
    assertEquals(ImageSbom.MEDIA_TYPE, entries.get(1).path("artifactType").asText());
  }

  @Test
  void attachingTwiceListsTheSbomOnce() throws Exception {
    attach();
    byte[] once = registry.manifest("team/app", referrersTag).orElseThrow().bytes();
    registry.clearRequests();

    attach();

    assertArrayEquals(once, registry.manifest("team/app", referrersTag).orElseThrow().bytes());
    assertEquals(1, referrers().path("manifests").size());
    assertTrue(registry.requests().stream()
        .noneMatch(request -> request.equals("PUT /v2/team/app/manifests/" + referrersTag)),
        "the tag is not written again: " + registry.requests());
  }

  @Test
  void aServedImagesSizeIsItsConfigPlusItsLayers() throws Exception {
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
        + "\",\"config\":{\"digest\":\"sha256:" + "1".repeat(64) + "\",\"size\":7},"
        + "\"layers\":[{\"digest\":\"sha256:" + "2".repeat(64) + "\",\"size\":8},"
        + "{\"digest\":\"sha256:" + "3".repeat(64) + "\",\"size\":900}]}")
        .getBytes(StandardCharsets.UTF_8);

    SbomAttachment.ServedImage served =
        SbomAttachment.ServedImage.of(manifest, Sha256.of(manifest));

    assertEquals(7 + 8 + 900, served.size());
    assertEquals(Descriptor.of(MediaTypes.DOCKER_MANIFEST, manifest), served.manifest());
  }
}
