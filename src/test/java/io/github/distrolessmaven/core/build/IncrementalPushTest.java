package io.github.distrolessmaven.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The guard of the incremental push: JSON is edited only where writing it back gives the
 * registry's bytes unchanged. {@code it/incremental-push-matches-full-build} shows the push.
 */
class IncrementalPushTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonAsJibCoreWritesItIsReadForEditing() throws Exception {
    byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution"
        + ".manifest.v2+json\",\"config\":{\"mediaType\":\"c\",\"digest\":\"sha256:1\",\"size\":7},"
        + "\"layers\":[{\"mediaType\":\"l\",\"digest\":\"sha256:2\",\"size\":8}]}");
    assertEquals(7, IncrementalPush.readExactly(manifest, Sha256.of(manifest)).orElseThrow()
        .path("config").path("size").asInt());
  }

  @Test
  void jsonThatWouldComeBackOtherwiseIsLeftAlone() throws Exception {
    byte[] spaced = utf8("{\"schemaVersion\": 2}");
    assertTrue(IncrementalPush.readExactly(spaced, Sha256.of(spaced)).isEmpty(), "whitespace");
    byte[] escaped = utf8("{\"label\":\"\\u003c\"}");
    assertTrue(IncrementalPush.readExactly(escaped, Sha256.of(escaped)).isEmpty(), "Go's escapes");
    byte[] array = utf8("[]");
    assertTrue(IncrementalPush.readExactly(array, Sha256.of(array)).isEmpty(), "not an object");
  }

  @Test
  void bytesThatAreNotTheDigestAreLeftAlone() throws Exception {
    byte[] manifest = utf8("{\"schemaVersion\":2}");
    assertTrue(IncrementalPush.readExactly(manifest, "sha256:" + "0".repeat(64)).isEmpty());
  }
}
