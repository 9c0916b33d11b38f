package io.github.distrolessmaven.core.push;

import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.OCI_MANIFEST;
import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.sha256;
import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import org.junit.jupiter.api.Test;

class RawManifestTest {

  /** Formatted as skopeo writes it, and then some: key order, spaces, Go escapes, non-ASCII. */
  private static final byte[] FOREIGN = utf8("{\n   \"schemaVersion\": 2,\n"
      + "   \"mediaType\": \"" + OCI_MANIFEST + "\",\n"
      + "   \"config\": {\"size\": 2, \"digest\": \"sha256:" + "a".repeat(64) + "\","
      + " \"mediaType\": \"application/vnd.oci.image.config.v1+json\"},\n"
      + "   \"layers\": [{\"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\","
      + " \"digest\": \"sha256:" + "b".repeat(64) + "\", \"size\": 3,"
      + " \"annotations\": {\"x\": \"\\u003cy\\u003e\"}}],\n"
      + "   \"annotations\": {\"org.opencontainers.image.title\": \"caf\u00e9 \ud83d\ude80\"}\n}\n");

  @Test
  void jibSendsTheArchiveBytesUnchanged() throws Exception {
    RawManifest manifest = RawManifest.of(FOREIGN, OCI_MANIFEST, sha256(FOREIGN));

    // What ManifestPusher sends: Blobs.from(template) through JsonTemplateMapper.
    assertArrayEquals(FOREIGN, Blobs.writeToByteArray(Blobs.from(manifest)));
    assertEquals(sha256(FOREIGN), Digests.computeJsonDigest(manifest).toString());
    assertEquals(OCI_MANIFEST, manifest.getManifestMediaType());
  }

  @Test
  void jibsTypedTemplateWouldChangeTheDigest() throws Exception {
    // Why RawManifest exists: a round trip through Jib's own template is not byte-stable.
    OciManifestTemplate template = JsonTemplateMapper.readJson(FOREIGN, OciManifestTemplate.class);

    assertNotEquals(sha256(FOREIGN), Digests.computeJsonDigest(template).toString());
  }

  @Test
  void aManifestThatIsNotUtf8IsRefused() {
    byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xe9, '"', '}'};

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RawManifest.of(latin1, OCI_MANIFEST, sha256(latin1)));

    assertEquals("the manifest " + sha256(latin1) + " is not valid UTF-8", e.getMessage());
  }

  @Test
  void aWrongExpectedDigestIsCaughtBeforeSending() {
    String wrong = "sha256:" + "c".repeat(64);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RawManifest.of(FOREIGN, OCI_MANIFEST, wrong));

    assertEquals("the manifest " + wrong + " would be sent as " + sha256(FOREIGN), e.getMessage());
  }
}
