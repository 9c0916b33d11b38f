package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JibCacheLayoutTest {

  private static final String DIGEST = "ab".repeat(32);
  private static final String DIFF_ID = "cd".repeat(32);

  @TempDir Path cache;

  @Test
  void aLayerAnotherBuildPlacedFirstIsKeptAndOursDropped() throws Exception {
    // Another build (another module under -T, another Maven) placed the same layer first.
    Path placed = Files.createDirectories(cache.resolve("layers").resolve(DIGEST));
    Files.writeString(placed.resolve(DIFF_ID), "the same layer");

    Path temporary = JibCacheLayout.temporaryDirectory(cache, "layer");
    Path file = Files.writeString(temporary.resolve("layer.partial"), "the same layer");
    JibCacheLayout.moveIn(cache, temporary, file, "sha256:" + DIGEST, "sha256:" + DIFF_ID);

    assertEquals("the same layer", Files.readString(placed.resolve(DIFF_ID)));
    assertFalse(Files.exists(temporary), "the second copy is not left under tmp/");
  }

  @Test
  void aSelectorNamesTheLayerAndLeavesNoTemporaryFileBeside() throws Exception {
    JibCacheLayout.select(cache, DescriptorDigest.fromHash(DIFF_ID),
        DescriptorDigest.fromHash(DIGEST));
    JibCacheLayout.select(cache, DescriptorDigest.fromHash(DIFF_ID),
        DescriptorDigest.fromHash(DIGEST));
    try (var files = Files.list(cache.resolve("selectors"))) {
      assertEquals(1, files.count());
    }
    assertEquals(DIGEST, Files.readString(cache.resolve("selectors").resolve(DIFF_ID)));
  }
}
