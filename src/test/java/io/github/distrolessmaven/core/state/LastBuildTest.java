package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.output.BuiltImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastBuildTest {

  private static final BuiltImage IMAGE = new BuiltImage("registry/app:1", "sha256:" + "a".repeat(64),
      "sha256:" + "b".repeat(64), List.of("1", "latest"), "registry/base@sha256:" + "c".repeat(64),
      1234, "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8),
      "the referrers tag sha256-aaa", false);

  private static final InputFingerprint F1 =
      new InputFingerprint("sha256:f1", "sha256:s1", Map.of("classes", "sha256:c1"));
  private static final List<LastBuild.Layer> LAYERS = List.of(
      new LastBuild.Layer("dependencies", "sha256:d1", "sha256:" + "1".repeat(64),
          "sha256:" + "2".repeat(64), 1000),
      new LastBuild.Layer("classes", "sha256:c1", "sha256:" + "3".repeat(64),
          "sha256:" + "4".repeat(64), 20));

  @TempDir Path dir;

  private LastBuild last() {
    return new LastBuild(dir.resolve("last-build.properties"),
        dir.resolve("last-build.sbom.cdx.json"));
  }

  @Test
  void recallsWhatWasRememberedUnderTheSameFingerprint() throws Exception {
    LastBuild last = last();
    last.remember(F1, IMAGE, LAYERS);

    BuiltImage recalled = last().recall("sha256:f1").orElseThrow();
    assertEquals(IMAGE.digest(), recalled.digest());
    assertEquals(IMAGE.tags(), recalled.tags());
    assertEquals(IMAGE.size(), recalled.size());
    assertEquals(IMAGE.base(), recalled.base());
    assertEquals(IMAGE.sbomAttached(), recalled.sbomAttached());
    assertArrayEquals(IMAGE.sbom(), recalled.sbom());
  }

  @Test
  void anotherFingerprintRecallsNothing() throws Exception {
    last().remember(F1, IMAGE, LAYERS);
    assertTrue(last().recall("sha256:f2").isEmpty());
  }

  @Test
  void aDamagedSbomOrRecordRecallsNothing() throws Exception {
    last().remember(F1, IMAGE, LAYERS);
    Files.writeString(dir.resolve("last-build.sbom.cdx.json"), "{}");
    assertTrue(last().recall("sha256:f1").isEmpty());

    last().remember(F1, IMAGE, LAYERS);
    Files.writeString(dir.resolve("last-build.properties"), "fingerprint=sha256:f1\nsize=not a number\n");
    assertTrue(last().recall("sha256:f1").isEmpty());
  }

  @Test
  void theLastPushAndItsLayersAreRecalledUnderTheSameSettingsOnly() throws Exception {
    assertTrue(last().withSettings("sha256:s1").isEmpty(), "no record yet");
    last().remember(F1, IMAGE, LAYERS);

    LastBuild.Push push = last().withSettings("sha256:s1").orElseThrow();
    assertEquals(IMAGE.digest(), push.digest());
    assertEquals(LAYERS, push.layers());
    assertTrue(last().withSettings("sha256:s2").isEmpty());
    assertTrue(last().withSettings("sha256:f1").isEmpty(),
        "the whole fingerprint is not the settings");
  }
}
