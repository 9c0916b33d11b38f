package io.github.distrolessmaven.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** References are read, and written back, exactly as jib-core reads and writes them. */
class ImageReferenceTest {

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @ValueSource(strings = {
      "app", "app:1", "team/app", "library/app:latest", "docker.io/team/app:2",
      "index.docker.io/app", "registry.hub.docker.com/app", "registry.example.com/team/app:1.0",
      "registry.example.com:5000/team/sub/app", "localhost/app:x", "localhost:5000/app",
      "127.0.0.1:15000/it/app:1", "gcr.io/distroless/java21-debian13:nonroot",
      "gcr.io/distroless/java21-debian13@" + DIGEST,
      "gcr.io/distroless/java21-debian13:nonroot@" + DIGEST, "a.b/c__d/e-f.g:T_1.2-3",
  })
  void readsAndWritesAsJibCoreDoes(String text) throws Exception {
    com.google.cloud.tools.jib.api.ImageReference jib =
        com.google.cloud.tools.jib.api.ImageReference.parse(text);
    ImageReference ours = ImageReference.parse(text);

    assertEquals(jib.getRegistry(), ours.registry());
    assertEquals(jib.getRepository(), ours.repository());
    assertEquals(jib.getTag(), ours.tag());
    assertEquals(jib.getDigest(), ours.digest());
    assertEquals(jib.getQualifier(), ours.qualifier());
    assertEquals(jib.toString(), ours.toString());
    assertEquals(jib.toStringWithQualifier(), ours.toStringWithQualifier());
    assertEquals(jib.withQualifier("2").toString(), ours.withQualifier("2").toString());
    assertEquals(jib.withQualifier(DIGEST).toString(), ours.withQualifier(DIGEST).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Not A Valid//Ref", "app:", "app@sha256:12",
      "registry.example.com/team/app:x11111111111111111111111111111111111111111111111111111111111"
          + "1111111111111111111111111111111111111111111111111111111111111111111111"})
  void refusesWhatJibCoreRefuses(String text) {
    assertThrows(com.google.cloud.tools.jib.api.InvalidImageReferenceException.class,
        () -> com.google.cloud.tools.jib.api.ImageReference.parse(text));
    assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(text));
  }

  @Test
  void tagsAreCheckedAsJibCoreChecksThem() {
    assertTrue(ImageReference.isValidTag("1.0-rc_1"));
    assertFalse(ImageReference.isValidTag(".hidden"));
    assertFalse(ImageReference.isValidTag("-dash"));
    assertEquals(Optional.of("latest"), ImageReference.parse("app").tag());
  }
}
