package io.github.distrolessmaven.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

  private static final byte[] CONFIG =
      "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{}}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAYER_A = "layer a, gzip in real life".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAYER_B = "layer b".getBytes(StandardCharsets.UTF_8);
  private static final List<String> REFERENCES =
      List.of("registry.example.com/app:1", "registry.example.com/app:latest");

  private static final byte[] SBOM = "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);
  private static final Function<Descriptor, ReferrerArtifact> REFERRER = subject ->
      ReferrerArtifact.of("application/vnd.cyclonedx+json", SBOM, "sbom.cdx.json", subject,
          "1970-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void writesOneArchiveThatIsBothAnOciLayoutAndADockerArchive() throws Exception {
    Path out = rewrite(expectedDigest());
    Map<String, byte[]> entries = read(out);

    ReferrerArtifact sbom = REFERRER.apply(Descriptor.of(V22ManifestTemplate.MANIFEST_MEDIA_TYPE,
        expectedDigest(), entries.get("blobs/sha256/" + hex(expectedDigest())).length));
    assertEquals(List.of("oci-layout", blob(CONFIG), blob(LAYER_A), blob(LAYER_B),
        blob(entries.get("blobs/sha256/" + hex(expectedDigest()))),
        blob(sbom.blobs().values().stream().findFirst().get()),
        blob(sbom.blobs().values().stream().skip(1).findFirst().get()), blob(sbom.manifest()),
        "index.json", "manifest.json"),
        List.copyOf(entries.keySet()));
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (entry.getKey().startsWith("blobs/sha256/")) {
        assertEquals(entry.getKey(), blob(entry.getValue()), "a blob is named by its sha256");
      }
    }
    JsonNode index = new ObjectMapper().readTree(entries.get("index.json"));
    assertEquals(3, index.get("manifests").size(), "one descriptor per tag, one for the SBOM");
    for (int i = 0; i < 2; i++) {
      JsonNode descriptor = index.get("manifests").get(i);
      assertEquals(expectedDigest(), descriptor.get("digest").asText());
      assertEquals(V22ManifestTemplate.MANIFEST_MEDIA_TYPE, descriptor.get("mediaType").asText());
      assertEquals(REFERENCES.get(i), descriptor.get("annotations").get(Descriptor.IMAGE_NAME).asText());
    }
    assertEquals("latest", index.get("manifests").get(1).get("annotations").get(Descriptor.REF_NAME).asText());

    JsonNode docker = new ObjectMapper().readTree(entries.get("manifest.json")).get(0);
    assertEquals(blob(CONFIG), docker.get("Config").asText());
    assertEquals(REFERENCES, List.of(docker.get("RepoTags").get(0).asText(), docker.get("RepoTags").get(1).asText()));
    assertEquals(List.of(blob(LAYER_A), blob(LAYER_B)),
        List.of(docker.get("Layers").get(0).asText(), docker.get("Layers").get(1).asText()));
  }

  @Test
  void carriesTheSbomAsAReferrerOfTheImage() throws Exception {
    Map<String, byte[]> entries = read(rewrite(expectedDigest()));
    JsonNode entry = new ObjectMapper().readTree(entries.get("index.json")).get("manifests").get(2);
    assertEquals("application/vnd.cyclonedx+json", entry.get("artifactType").asText());
    assertTrue(entry.path("annotations").isMissingNode(), "the SBOM has no tag of its own");

    JsonNode manifest = new ObjectMapper().readTree(entries.get(entry.get("digest").asText()
        .replace("sha256:", "blobs/sha256/")));
    assertEquals(expectedDigest(), manifest.get("subject").get("digest").asText());
    assertEquals(entries.get("blobs/sha256/" + hex(expectedDigest())).length,
        manifest.get("subject").get("size").asLong());
    assertArrayEquals(SBOM, entries.get(manifest.get("layers").get(0).get("digest").asText()
        .replace("sha256:", "blobs/sha256/")));
  }

  @Test
  void returnsTheSizeARegistryCounts() throws Exception {
    long size;
    try (JibArchive jib = JibArchive.open(jibDockerArchive(), expectedDigest())) {
      size = ImageArchive.rewrite(jib, Files.newOutputStream(dir.resolve("out.tar")), REFERENCES,
          REFERRER);
    }
    assertEquals(CONFIG.length + LAYER_A.length + LAYER_B.length, size);
  }

  @Test
  void sameImageGivesTheSameArchiveBytes() throws Exception {
    byte[] first = Files.readAllBytes(rewrite(expectedDigest()));
    byte[] second = Files.readAllBytes(rewrite(expectedDigest()));
    assertArrayEquals(first, second);
  }

  @Test
  void entriesAreRootOwnedWithFixedTimes() throws Exception {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(rewrite(expectedDigest())))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        assertEquals(0, entry.getLongUserId());
        assertEquals(0, entry.getModTime().getTime());
        assertEquals(0644, entry.getMode() & 0777);
      }
    }
  }

  @Test
  void aManifestThatIsNotTheImagesIsABug() throws Exception {
    String other = "sha256:" + "0".repeat(64);
    IOException e = assertThrows(IOException.class, () -> rewrite(other));
    assertTrue(e.getMessage().contains(other) && e.getMessage().contains("bug"), e.getMessage());
  }

  @Test
  void tagOfReadsTheTagAfterTheLastSlash() {
    assertEquals("1", ImageArchive.tagOf("host:5000/app:1"));
    assertEquals("latest", ImageArchive.tagOf("host:5000/app"));
  }

  private Path rewrite(String expectedDigest) throws IOException {
    Path out = Files.createTempFile(dir, "out", ".tar");
    try (JibArchive jib = JibArchive.open(jibDockerArchive(), expectedDigest)) {
      ImageArchive.rewrite(jib, Files.newOutputStream(out), REFERENCES, REFERRER);
    } catch (ArchiveException e) {
      throw new IOException(e);
    }
    return out;
  }

  /** What jib-core's TarImage writes for the Docker format. */
  private Path jibDockerArchive() throws IOException {
    String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"registry.example.com/app:1\"],"
        + "\"Layers\":[\"" + hex(Sha256.of(LAYER_A)) + ".tar.gz\",\""
        + hex(Sha256.of(LAYER_B)) + ".tar.gz\"]}]";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(hex(Sha256.of(LAYER_A)) + ".tar.gz", LAYER_A);
    files.put(hex(Sha256.of(LAYER_B)) + ".tar.gz", LAYER_B);
    files.put("config.json", CONFIG);
    files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    return Files.write(Files.createTempFile(dir, "jib", ".tar"), TestImages.tar(files));
  }

  /** The digest Jib reports: its own Docker manifest template over the same blobs. */
  private static String expectedDigest() throws Exception {
    V22ManifestTemplate manifest = new V22ManifestTemplate();
    manifest.setContainerConfiguration(CONFIG.length, DescriptorDigest.fromDigest(Sha256.of(CONFIG)));
    manifest.addLayer(LAYER_A.length, DescriptorDigest.fromDigest(Sha256.of(LAYER_A)));
    manifest.addLayer(LAYER_B.length, DescriptorDigest.fromDigest(Sha256.of(LAYER_B)));
    return Sha256.of(JsonTemplateMapper.toByteArray(manifest));
  }

  private static Map<String, byte[]> read(Path archive) throws IOException {
    return TestImages.untar(archive);
  }

  private static String blob(byte[] content) {
    return "blobs/sha256/" + hex(Sha256.of(content));
  }

  private static String hex(String digest) {
    return digest.substring("sha256:".length());
  }
}
