package io.github.distrolessmaven.core.push;

import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.OCI_MANIFEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.fixtures.OciArchiveFixture;
import io.github.distrolessmaven.core.oci.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks a push makes before its first network call; the registry part is under it/. */
class ArchivePusherTest {

  @TempDir Path dir;

  private final List<String> logged = new ArrayList<>();
  private final BuildLog log = new BuildLog() {
    @Override
    public void info(String message) {
      logged.add(message);
    }

    @Override
    public void warn(String message) {
      logged.add(message);
    }

    @Override
    public void debug(String message) {}
  };

  private PushSpec spec(Path tar, String target) {
    // Port 9 (discard) on loopback: a registry call would fail, not hang.
    return new PushSpec(tar, target, List.of("extra"), CredentialSources.none(), true);
  }

  private Path goodArchive() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    return archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("good.tar"));
  }

  @Test
  void aCorruptArchiveIsRefusedBeforeAnyNetworkCallAndLeavesNoScratch() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    archive.entry("blobs/sha256/" + "1".repeat(64), OciArchiveFixture.utf8("corrupt"));
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("c.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new ArchivePusher(log).push(spec(tar, "127.0.0.1:9/app:1")));

    assertTrue(e.getMessage().contains("is corrupt: blob blobs/sha256/" + "1".repeat(64)));
    assertEquals(List.of(), logged, "no blob was pushed");
    try (var left = Files.list(dir)) {
      assertTrue(left.noneMatch(path -> path.getFileName().toString().startsWith("distroless-push-")));
    }
  }

  @Test
  void aTargetDigestOtherThanTheArchivesIsRefused() throws Exception {
    Path tar = goodArchive();
    String other = "sha256:" + "e".repeat(64);

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new ArchivePusher(log).push(spec(tar, "127.0.0.1:9/app@" + other)));

    assertEquals(Setting.TO_IMAGE, e.setting());
    assertTrue(e.getMessage().contains("names the digest " + other), e.getMessage());
  }

  @Test
  void aMalformedTargetIsRefusedNamingTheElement() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new ArchivePusher(log).push(spec(dir.resolve("x.tar"), "Not A/Reference!")));

    assertEquals(Setting.TO_IMAGE, e.setting());
  }

  @Test
  void blobsAreMountedFromAnotherRepositoryOfTheSameRegistryTheArchiveNames() throws Exception {
    ImageReference target = ImageReference.parse("registry.example.com/team/app:2");
    List<String> imageNames = List.of(
        "other.example.com/team/base:1",
        "registry.example.com/team/app:1",
        "registry.example.com/team/build:1");

    assertEquals(Optional.of("team/build"), ArchivePusher.mountSource(imageNames, target));
    assertEquals(Optional.empty(), ArchivePusher.mountSource(
        imageNames, ImageReference.parse("elsewhere.example.com/team/app:2")));
  }

  @Test
  void sizesAndDigestsAreShortInTheLog() {
    assertEquals("sha256:0123456789ab", LogText.shortDigest("sha256:0123456789abcdef"));
    assertEquals("2.0 kB", LogText.size(2048));
    assertEquals("3.5 MB", LogText.size(3670016));
  }
}
