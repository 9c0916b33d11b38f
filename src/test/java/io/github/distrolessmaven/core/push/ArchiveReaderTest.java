package io.github.distrolessmaven.core.push;

import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.DOCKER_MANIFEST;
import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.OCI_MANIFEST;
import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.sha256;
import static io.github.distrolessmaven.core.fixtures.OciArchiveFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.archive.OciArchive;
import io.github.distrolessmaven.core.fixtures.OciArchiveFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

  @TempDir Path dir;

  /** The archive as distroless:push reads it, refusals told as the push tells them. */
  private static OciArchive read(Path tar, Optional<String> tag) throws Exception {
    return ArchivePusher.open(tar, tag);
  }

  @Test
  void readsAnOciLayoutWithItsManifestBytesAndVerifiedBlobs() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1.0", null).layout().write(dir.resolve("i.tar"));

    try (OciArchive image = read(tar, Optional.of("1"))) {
      assertEquals(sha256(manifest), image.manifestDigest());
      assertEquals(OCI_MANIFEST, image.manifestMediaType());
      assertArrayEquals(manifest, image.manifestBytes());
      assertEquals(List.of("config", "layer"),
          image.blobs().stream().map(ArchivedImage.Blob::role).toList());
      for (ArchivedImage.Blob blob : image.blobs()) {
        byte[] content;
        try (InputStream in = image.open(blob)) {
          content = in.readAllBytes();
        }
        assertEquals(blob.digest(), sha256(content));
        assertEquals(blob.size(), content.length);
      }
      assertEquals(image.blobs().stream().mapToLong(ArchivedImage.Blob::size).sum(), image.size());
    }
  }

  @Test
  void readsADockerV22ManifestInACombinedArchiveWithDotSlashNames() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(DOCKER_MANIFEST, "d");
    archive.entry("./manifest.json", utf8("[{\"Config\":\"x\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]"));
    Path tar = archive.tag(manifest, DOCKER_MANIFEST, "1", "registry.example.com/a:1")
        .layout().write(dir.resolve("d.tar"));

    try (OciArchive image = read(tar, Optional.of("1"))) {
      assertEquals(DOCKER_MANIFEST, image.manifestMediaType());
      assertEquals(List.of("registry.example.com/a:1"), image.imageNames());
    }
  }

  @Test
  void severalTagsOfOneManifestAreOneImage() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive
        .tag(manifest, OCI_MANIFEST, "1", "registry.example.com/team/app:1")
        .tag(manifest, OCI_MANIFEST, "latest", "registry.example.com/team/app:latest")
        .layout().write(dir.resolve("i.tar"));

    try (OciArchive image = read(tar, Optional.of("other"))) {
      assertEquals(sha256(manifest), image.manifestDigest());
      assertEquals(
          List.of("registry.example.com/team/app:1", "registry.example.com/team/app:latest"),
          image.imageNames());
    }
  }

  @Test
  void twoDifferentManifestsAreRefusedListingBoth() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] first = archive.image(OCI_MANIFEST, "first");
    byte[] second = archive.image(OCI_MANIFEST, "second");
    Path tar = archive.tag(first, OCI_MANIFEST, "1", "reg.example.com/app:1")
        .tag(second, OCI_MANIFEST, "2", null).layout().write(dir.resolve("two.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> read(tar, Optional.of("3")));

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

    try (OciArchive image = read(tar, Optional.of("2"))) {
      assertEquals(sha256(second), image.manifestDigest());
    }
  }

  @Test
  void aBlobWhoseContentDoesNotMatchItsNameIsRefusedByName() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    String fake = "0".repeat(64);
    archive.entry("blobs/sha256/" + fake, utf8("not what the name says"));
    Path tar = archive.tag(manifest, OCI_MANIFEST, "1", null).layout().write(dir.resolve("bad.tar"));
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> read(tar, Optional.empty()));

    assertTrue(e.getMessage().contains(tar.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is corrupt: blob blobs/sha256/" + fake), e.getMessage());
    assertTrue(e.getMessage().contains(sha256(utf8("not what the name says"))), e.getMessage());
    try (Stream<Path> written = Files.list(dir)) {
      assertEquals(List.of(tar), written.toList(), "nothing is unpacked or left behind");
    }
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
        () -> read(cut, Optional.empty()));

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
        () -> read(tar, Optional.empty()));

    assertTrue(e.getMessage().contains("has no index.json"), e.getMessage());
  }

  @Test
  void anOldDockerArchiveIsRefusedSayingWhy() throws Exception {
    Path tar = new OciArchiveFixture()
        .entry("manifest.json", utf8("[{\"Config\":\"c.json\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]"))
        .write(dir.resolve("docker.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> read(tar, Optional.empty()));

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
        () -> read(tar, Optional.empty()));

    assertTrue(e.getMessage().contains("lacks the layer blobs/sha256/" + layer.substring(7)),
        e.getMessage());
  }

  @Test
  void aMediaTypeThatContradictsTheIndexIsRefused() throws Exception {
    OciArchiveFixture archive = new OciArchiveFixture();
    byte[] manifest = archive.image(OCI_MANIFEST, "a");
    Path tar = archive.tag(manifest, DOCKER_MANIFEST, "1", null).layout().write(dir.resolve("i.tar"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> read(tar, Optional.empty()));

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
        () -> read(gz, Optional.empty()));

    assertTrue(e.getMessage().contains("gzip-compressed"), e.getMessage());
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("nope.tar");

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> read(missing, Optional.empty()));

    assertTrue(e.getMessage().startsWith(Setting.ARCHIVE.propertyName() + ": " + missing + " does not exist"),
        e.getMessage());
  }
}
