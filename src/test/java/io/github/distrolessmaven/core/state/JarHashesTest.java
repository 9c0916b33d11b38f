package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarHashesTest {

  @TempDir Path dir;

  @Test
  void hashesAreRememberedAcrossBuilds() throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "jar a");
    Path cache = dir.resolve("cache/jar-hashes.properties");
    JarHashes first = new JarHashes(cache);
    JarHashes.Hashes hashes = first.of(jar);
    first.save();
    assertEquals(Sha256.hex(Sha256.of("jar a".getBytes(StandardCharsets.UTF_8))), hashes.sha256());
    assertTrue(Files.readString(cache).contains(hashes.sha256()));

    assertEquals(hashes, new JarHashes(cache).of(jar));
  }

  @Test
  void aJarWrittenAgainIsHashedAgain() throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "jar a");
    Path cache = dir.resolve("jar-hashes.properties");
    JarHashes first = new JarHashes(cache);
    JarHashes.Hashes before = first.of(jar);
    first.save();

    Files.writeString(jar, "jar b");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    JarHashes.Hashes after = new JarHashes(cache).of(jar);
    assertNotEquals(before, after);
    assertEquals(Sha256.hex(Sha256.of("jar b".getBytes(StandardCharsets.UTF_8))), after.sha256());
  }
}
