package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {

  /** Later than every file here by more than the settling time. */
  private static final Instant LATER = Instant.now().plusSeconds(60);

  @TempDir Path dir;

  private String hash(Path remembered, Path file, Instant now) throws Exception {
    FileHashes hashes = new FileHashes(remembered, now);
    String hash = hashes.of(file, Files.readAttributes(file, BasicFileAttributes.class));
    hashes.save();
    return hash;
  }

  @Test
  void aSettledFileIsRememberedAndNotReadAgain() throws Exception {
    Path record = dir.resolve("file-hashes.properties");
    Path file = Files.writeString(dir.resolve("app.js"), "console.log(1)");
    assertEquals(Sha256.of(file), hash(record, file, LATER));

    // What is remembered is what is returned: the file is not read while its status holds.
    String fake = "sha256:" + "f".repeat(64);
    String hex = Sha256.of(file).substring("sha256:".length());
    Files.writeString(record, Files.readString(record).replace(hex, "f".repeat(64)));
    assertEquals(fake, hash(record, file, LATER));
  }

  @Test
  void aRewrittenFileIsReadAgainEvenWithItsSizeAndTimeRestored() throws Exception {
    Path record = dir.resolve("file-hashes.properties");
    Path file = Files.writeString(dir.resolve("app.js"), "console.log(1)");
    FileTime time = Files.getLastModifiedTime(file);
    hash(record, file, LATER);

    Files.writeString(file, "console.log(2)");
    Files.setLastModifiedTime(file, time);
    assertEquals(Sha256.of(file), hash(record, file, LATER.plusSeconds(60)),
        "the change time moved, so the remembered hash was not trusted");
  }

  @Test
  void aFileWrittenJustNowIsHashedButNotRemembered() throws Exception {
    Path record = dir.resolve("file-hashes.properties");
    Path file = Files.writeString(dir.resolve("app.js"), "console.log(1)");
    assertEquals(Sha256.of(file), hash(record, file, Instant.now()));
    assertFalse(Files.exists(record) && Files.readString(record).contains("app.js"),
        "a file could change again within the same clock tick");
  }

  @Test
  void onlyFilesLookedUpAreKept() throws Exception {
    Path record = dir.resolve("file-hashes.properties");
    Path one = Files.writeString(dir.resolve("one.js"), "1");
    Path two = Files.writeString(dir.resolve("two.js"), "2");
    hash(record, one, LATER);
    hash(record, two, LATER);
    assertTrue(Files.readString(record).contains("two.js"));
    assertFalse(Files.readString(record).contains("one.js"), "a file not looked up is dropped");
  }

  @Test
  void aDamagedRecordIsNotTrusted() throws Exception {
    Path record = dir.resolve("file-hashes.properties");
    Path file = Files.writeString(dir.resolve("app.js"), "console.log(1)");
    hash(record, file, LATER);
    String hex = Sha256.of(file).substring("sha256:".length());
    Files.writeString(record, Files.readString(record).replace(hex, "not a hash"));
    assertEquals(Sha256.of(file), hash(record, file, LATER));
  }

  @Test
  void nowIsNoLaterThanTheFileSystemsClock() throws Exception {
    Instant before = Instant.now();
    Instant now = FileHashes.now(dir.resolve("cache"));
    Instant written = Files.getLastModifiedTime(dir.resolve("cache/.clock")).toInstant();
    assertFalse(now.isAfter(written), "a file written just now must not look settled");
    assertFalse(now.isAfter(Instant.now()));
    assertTrue(!now.isBefore(before.minusSeconds(5)), "the file system's clock was read");
  }
}
