package io.github.distrolessmaven.core.push;

import static io.github.distrolessmaven.core.push.OciArchiveFixture.DOCKER_MANIFEST;
import static io.github.distrolessmaven.core.push.OciArchiveFixture.OCI_MANIFEST;
import static io.github.distrolessmaven.core.push.OciArchiveFixture.sha256;
import static io.github.distrolessmaven.core.push.OciArchiveFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

  @TempDir Path dir;

  private Path scratch() throws IOException {
    return Files.createTempDirectory(dir, "scratch");
  }

  @Test
  void readsAnOciLayoutWithItsManifestBytesAndVerifiedBlobs() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1.0", null).layout().write(dir.resolve("i.tar"));

    ArchiveImage image = ArchiveReader.read(tar, scratch(), Optional.of("1"));

    assertEquals(sha256(manifest), image.manifestDigest());
    assertEquals(OCI_MANIFEST, image.manifestMediaType());
    assertArrayEquals(manifest, image.manifestBytes());
    assertEquals(List.of("config", "layer"), image.blobs().stream().map(BlobFile::role).toList());
    for (BlobFile blob : image.blobs()) {
      byte[] content = Files.readAllBytes(blob.file());
      assertEquals(blob.digest(), sha256(content));
      assertEquals(blob.size(), content.length);
    }
    assertEquals(image.blobs().stream().mapToLong(BlobFile::size).sum(), image.size());
  }

  @Test
  void readsADockerV22ManifestInACombinedArchiveWithDotSlashNames() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(DOCKER_MANIFEST, "d");
    archive.entry("./manifest.json", utf8("[{\"Config\":\"x\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]"));
    Path tar = archive.tag(manifest, DOCKER_MANIFEST, "1", "registry.example.com/a:1")
        .layout().write(dir.resolve("d.tar"));

    ArchiveImage image = ArchiveReader.read(tar, scratch(), Optional.of("1"));

    assertEquals(DOCKER_MANIFEST, image.manifestMediaType());
    assertEquals(List.of("registry.example.com/a:1"), image.imageNames());
  }

  @Test
  void severalTagsOfOneManifestAreOneImage() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive
        .tag(manifest, OCI_MANIFEST, "1", "registry.example.com/team/app:1")
        .tag(manifest, OCI_MANIFEST, "latest", "registry.example.com/team/app:latest")
        .layout().write(dir.resolve("i.tar"));

    ArchiveImage image = ArchiveReader.read(tar, scratch(), Optional.of("other"));

    assertEquals(sha256(manifest), image.manifestDigest());
    assertEquals(List.of("registry.example.com/team/app:1", "registry.example.com/team/app:latest"),
        image.imageNames());
  }

  @Test
  void twoDifferentManifestsAreRefusedListingBoth() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] first = archive.image(OCI_MANIFEST, "first");
    byte[] second = archive.image(OCI_MANIFEST, "second");
    Path tar = archive.tag(first, OCI_MANIFEST, "1", "reg.example.com/app:1")
        .tag(second, OCI_MANIFEST, "2", null).layout().write(dir.resolve("two.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch(), Optional.of("3")));

    assertEquals(Setting.ARCHIVE, e.setting());
    assertTrue(e.getMessage().startsWith(Setting.ARCHIVE.propertyName() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("2 different images"), e.getMessage());
    assertTrue(e.getMessage().contains(sha256(first) + ": reg.example.com/app:1"), e.getMessage());
    assertTrue(e.getMessage().contains(sha256(second) + ": 2"), e.getMessage());
  }

  @Test
  void theTargetTagChoosesAmongDifferentManifests() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] first = archive.image(OCI_MANIFEST, "first");
    byte[] second = archive.image(OCI_MANIFEST, "second");
    Path tar = archive.tag(first, OCI_MANIFEST, "1", null)
        .tag(second, OCI_MANIFEST, "2", null).layout().write(dir.resolve("two.tar"));

    assertEquals(sha256(second), ArchiveReader.read(tar, scratch(), Optional.of("2")).manifestDigest());
  }

  @Test
  void aBlobWhoseContentDoesNotMatchItsNameIsRefusedByName() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    String fake = "0".repeat(64);
    archive.entry("blobs/sha256/" + fake, utf8("not what the name says"));
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("bad.tar"));
    Path scratch = scratch();

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch, Optional.empty()));

    assertTrue(e.getMessage().contains(tar.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is corrupt: blob blobs/sha256/" + fake), e.getMessage());
    assertTrue(e.getMessage().contains(sha256(utf8("not what the name says"))), e.getMessage());
    assertTrue(Files.notExists(scratch.resolve(fake)), "the corrupt copy is removed");
  }

  @Test
  void aTruncatedTarIsRefused() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("i.tar"));
    byte[] whole = Files.readAllBytes(tar);
    // Cut inside the layer's content, the second blob.
    Path cut = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(whole, 512 * 4 + 100));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(cut, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("is not a complete tar archive"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void anArchiveWithoutIndexJsonIsRefusedNamingIt() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    archive.image(OCI_MANIFEST, "a");
    archive.entry("oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}"));
    Path tar = archive.write(dir.resolve("noindex.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("has no index.json"), e.getMessage());
  }

  @Test
  void anOldDockerArchiveIsRefusedSayingWhy() throws Exception {
    Path tar = new OciArchiveFixture()
        .entry("manifest.json", utf8("[{\"Config\":\"c.json\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]"))
        .write(dir.resolve("docker.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("docker-archive without an OCI layout"), e.getMessage());
  }

  @Test
  void aMissingLayerIsRefusedNamingIt() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    String layer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest)
        .get("layers").get(0).get("digest").asText();
    archive.remove("blobs/sha256/" + layer.substring(7));
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("i.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("lacks the layer blobs/sha256/" + layer.substring(7)),
        e.getMessage());
  }

  @Test
  void aMediaTypeThatContradictsTheIndexIsRefused() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, DOCKER_MANIFEST, "1", null).layout().write(dir.resolve("i.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(tar, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("but the manifest says " + OCI_MANIFEST), e.getMessage());
  }

  @Test
  void aGzippedArchiveIsRefused() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("i.tar"));
    Path gz = dir.resolve("i.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(tar));
    }

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(gz, scratch(), Optional.empty()));

    assertTrue(e.getMessage().contains("gzip-compressed"), e.getMessage());
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("nope.tar");

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ArchiveReader.read(missing, scratch(), Optional.empty()));

    assertTrue(e.getMessage().startsWith(Setting.ARCHIVE.propertyName() + ": " + missing + " does not exist"),
        e.getMessage());
  }
}
