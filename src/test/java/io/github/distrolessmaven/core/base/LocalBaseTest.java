package io.github.distrolessmaven.core.base;

import static io.github.distrolessmaven.core.fixtures.TestImages.JSON;
import static io.github.distrolessmaven.core.fixtures.TestImages.blobName;
import static io.github.distrolessmaven.core.fixtures.TestImages.sha256;
import static io.github.distrolessmaven.core.fixtures.TestImages.texts;
import static io.github.distrolessmaven.core.fixtures.TestImages.untar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages.Layout;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.oci.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bases on disk, from every format tools write, turned into docker-archives jib-core reads. */
class LocalBaseTest {

  @TempDir Path dir;

  private Path work;
  private Image image;

  @BeforeEach
  void tinyImage() throws IOException {
    work = dir.resolve("work");
    image = Image.of("amd64", "hello");
  }

  private PreparedBase prepare(String reference) throws Exception {
    return LocalBase.prepare(reference, dir, work, Platform.LINUX_AMD64);
  }

  /** The docker-archive holds one image whose config and layers are the given image's. */
  private void assertHoldsImage(Path archive, Image expected) throws IOException {
    Map<String, byte[]> entries = untar(archive);
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertEquals(1, manifest.size());
    String config = manifest.get(0).get("Config").asText();
    List<String> layers = texts(manifest.get(0).get("Layers"));
    assertEquals(expected.configDigest(), sha256(entries.get(config)));
    assertEquals(1, layers.size());
    assertEquals(expected.layerDigest(), sha256(entries.get(layers.get(0))));
    assertEquals(blobName(expected.layer()), layers.get(0));
  }

  private List<String> workFiles() throws IOException {
    if (!Files.exists(work)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(work)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  @Test
  void layoutDirectoryBecomesADockerArchiveInTheWorkDirectory() throws Exception {
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));

    PreparedBase base = prepare("oci://" + layout);

    assertTrue(base.dockerArchive().startsWith(work));
    assertHoldsImage(base.dockerArchive(), image);
    assertEquals(Optional.of(image.manifestDigest()), base.manifestDigest());
    assertEquals(image.configDigest(), base.configDigest());
    assertEquals("OCI layout " + layout + " (ref 1.0)", base.description());
  }

  @Test
  void ociArchiveIsToldApartByContentNotName() throws Exception {
    Path archive = new Layout().add(image, "1.0").writeArchive(dir.resolve("base.docker"));

    PreparedBase base = prepare("tar://" + archive);

    assertHoldsImage(base.dockerArchive(), image);
    assertEquals(Optional.of(image.manifestDigest()), base.manifestDigest());
    assertEquals("OCI archive " + archive + " (ref 1.0)", base.description());
  }

  @Test
  void dockerArchiveIsUsedWhereItIs() throws Exception {
    Path archive = TestImages.dockerArchive(dir.resolve("base.tar"), Map.of("base:1", image));

    PreparedBase base = prepare("tar://" + archive);

    assertEquals(archive, base.dockerArchive());
    assertEquals(Optional.empty(), base.manifestDigest());
    assertEquals(image.configDigest(), base.configDigest());
    assertEquals("docker-archive " + archive + " (base:1)", base.description());
    assertEquals(List.of(), workFiles());
  }

  @Test
  void archiveWithManifestJsonAndIndexJsonCountsAsDockerArchive() throws Exception {
    Path archive = TestImages.combinedArchive(dir.resolve("saved.tar"), image, "base:1");

    PreparedBase base = prepare("tar://" + archive);

    assertEquals(archive, base.dockerArchive());
    assertEquals(Optional.empty(), base.manifestDigest());
    assertTrue(base.description().startsWith("docker-archive "), base.description());
  }

  @Test
  void refNamePicksTheImage() throws Exception {
    Image other = Image.of("amd64", "other");
    Path layout =
        new Layout().add(image, "1.0").add(other, "2.0").writeDirectory(dir.resolve("layout"));

    PreparedBase base = prepare("oci://" + layout + ":2.0");

    assertHoldsImage(base.dockerArchive(), other);
    assertEquals(Optional.of(other.manifestDigest()), base.manifestDigest());
    assertEquals("OCI layout " + layout + " (ref 2.0)", base.description());
  }

  @Test
  void refNameMayHoldColonsAndSlashes() throws Exception {
    String ref = "registry.example.com:5000/team/base:1.0";
    Path layout = new Layout().add(image, ref).writeDirectory(dir.resolve("layout"));

    PreparedBase base = prepare("oci://" + layout + ":" + ref);

    assertEquals(Optional.of(image.manifestDigest()), base.manifestDigest());
  }

  @Test
  void severalImagesWithoutARefAreRefusedWithTheirNames() throws Exception {
    Path layout =
        new Layout()
            .add(image, "1.0")
            .add(Image.of("amd64", "other"), "2.0")
            .writeDirectory(dir.resolve("layout"));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + layout));

    assertEquals(Setting.FROM_IMAGE, e.setting());
    assertTrue(e.getMessage().contains(layout.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("1.0, 2.0"), e.getMessage());
    assertTrue(e.getMessage().contains("oci://" + layout + ":REF"), e.getMessage());
  }

  @Test
  void unknownRefIsRefusedWithTheRefsThereAre() throws Exception {
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + layout + ":9"));

    assertTrue(e.getMessage().contains("no image named '9'"), e.getMessage());
    assertTrue(e.getMessage().contains("Its ref names are: 1.0."), e.getMessage());
  }

  @Test
  void baseForAnotherArchitectureIsRefusedNamingBoth() throws Exception {
    Path layout =
        new Layout().add(Image.of("arm64", "hello"), "1.0").writeDirectory(dir.resolve("layout"));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + layout));

    assertTrue(e.getMessage().contains(layout.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("linux/arm64"), e.getMessage());
    assertTrue(e.getMessage().contains("linux/amd64"), e.getMessage());
    assertEquals(List.of(), workFiles());
  }

  @Test
  void dockerArchiveForAnotherArchitectureIsRefused() throws Exception {
    Path archive =
        TestImages.dockerArchive(
            dir.resolve("base.tar"), Map.of("base:1", Image.uncompressed("arm64", "hi")));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains(archive + " holds an image for linux/arm64, but this build"
        + " makes a linux/amd64 image"), e.getMessage());
  }

  @Test
  void indexWithOnlyOtherPlatformsIsRefused() throws Exception {
    Path layout =
        new Layout()
            .addForPlatform(Image.of("arm64", "a"), "arm64")
            .addForPlatform(Image.of("s390x", "s"), "s390x")
            .writeDirectory(dir.resolve("layout"));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + layout));

    assertTrue(e.getMessage().contains("only for linux/arm64, linux/s390x, none for linux/amd64"),
        e.getMessage());
  }

  @Test
  void nestedIndexYieldsTheImageForTheBuildsPlatform() throws Exception {
    Map<String, Image> platforms = new LinkedHashMap<>();
    Image arm = Image.of("arm64", "arm");
    platforms.put("arm64", arm);
    platforms.put("amd64", image);
    Path layout = new Layout().addIndex(platforms, "1.0").writeDirectory(dir.resolve("layout"));

    PreparedBase amd = prepare("oci://" + layout + ":1.0");
    PreparedBase onArm = LocalBase.prepare("oci://" + layout, dir, work, Platform.of("linux", "arm64"));

    assertHoldsImage(amd.dockerArchive(), image);
    assertEquals(Optional.of(image.manifestDigest()), amd.manifestDigest());
    assertHoldsImage(onArm.dockerArchive(), arm);
  }

  @Test
  void truncatedOciArchiveIsRefusedNamingTheFile() throws Exception {
    Path archive = new Layout().add(image, "1.0").writeArchive(dir.resolve("base.tar"));
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains(archive + " is truncated"), e.getMessage());
    assertEquals(List.of(), workFiles());
  }

  @Test
  void dockerArchiveCutAtAnEntryBoundaryIsRefused() throws Exception {
    Path archive = TestImages.dockerArchive(dir.resolve("base.tar"), Map.of("base:1", image));
    // Keep the first entry (header and data) only: a listing would show a smaller, valid tar.
    byte[] bytes = Files.readAllBytes(archive);
    int firstEntry = 512 + (image.layerTar().length + 511) / 512 * 512;
    Files.write(archive, Arrays.copyOf(bytes, firstEntry));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains(archive + " is truncated"), e.getMessage());
  }

  @Test
  void layerThatDoesNotMatchItsDigestIsRefusedAndNothingIsWritten() throws Exception {
    // The same size, so only the digest tells.
    byte[] flipped = image.layer().clone();
    flipped[flipped.length / 2] ^= 1;
    Path layout =
        new Layout()
            .add(image, "1.0")
            .corrupt(image.layerDigest(), flipped)
            .writeDirectory(dir.resolve("layout"));
    Files.createDirectories(work);

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("oci://" + layout));

    assertTrue(e.getMessage().contains(layout.resolve(blobName(image.layer())).toString()),
        e.getMessage());
    assertTrue(e.getMessage().contains("does not match its digest"), e.getMessage());
    assertEquals(List.of(), workFiles());
  }

  @Test
  void configThatDoesNotMatchItsDigestIsRefused() throws Exception {
    byte[] config = new String(image.config(), StandardCharsets.UTF_8)
        .replace("amd64", "arm64").getBytes(StandardCharsets.UTF_8);
    Path archive =
        new Layout()
            .add(image, "1.0")
            .corrupt(image.configDigest(), config)
            .writeArchive(dir.resolve("base.tar"));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains("entry " + blobName(image.config()) + " of " + archive),
        e.getMessage());
    assertTrue(e.getMessage().contains("does not match its digest"), e.getMessage());
  }

  @Test
  void missingLayerIsRefusedNamingIt() throws Exception {
    Path archive =
        new Layout()
            .add(image, "1.0")
            .remove(image.layerDigest())
            .writeArchive(dir.resolve("base.tar"));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(blobName(image.layer())), e.getMessage());
  }

  @Test
  void layoutWithoutIndexJsonIsRefused() throws Exception {
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));
    Files.delete(layout.resolve("index.json"));

    ImageBuildException e =
        assertThrows(ImageBuildException.class, () -> prepare("oci://" + layout));

    assertTrue(e.getMessage().contains(layout.resolve("index.json").toString()), e.getMessage());
  }

  @Test
  void directoryThatIsNoLayoutIsRefused() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + empty));

    assertTrue(e.getMessage().contains(empty + " is not an OCI image layout"), e.getMessage());
  }

  @Test
  void secondPrepareOfTheSameImageReusesTheArchive() throws Exception {
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));
    Path first = prepare("oci://" + layout).dockerArchive();
    FileTime marked = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first, marked);

    Path second = prepare("oci://" + layout + ":1.0").dockerArchive();
    Path fromArchive =
        prepare("tar://" + new Layout().add(image, "1.0").writeArchive(dir.resolve("b.tar")))
            .dockerArchive();

    assertEquals(first, second);
    assertEquals(first, fromArchive);
    assertEquals(marked, Files.getLastModifiedTime(second));
    assertEquals(List.of(first.getFileName().toString()), workFiles());
  }

  @Test
  void dockerArchiveWithSeveralImagesIsRefusedWithTheirTags() throws Exception {
    Map<String, Image> images = new LinkedHashMap<>();
    images.put("base:1", image);
    images.put("other:2", Image.uncompressed("amd64", "other"));
    Path archive = TestImages.dockerArchive(dir.resolve("two.tar"), images);

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("tar://" + archive));

    assertTrue(e.getMessage().contains(archive + " holds 2 images: base:1, other:2"),
        e.getMessage());
  }

  @Test
  void fileThatIsNoTarIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.tar"), "not an archive at all");

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("tar://" + text));

    assertTrue(e.getMessage().contains(text + " is not a tar archive"), e.getMessage());
  }

  @Test
  void tarWithoutAnImageIsRefused() throws Exception {
    Path tar = dir.resolve("sources.tar");
    Files.write(tar, TestImages.tar(Map.of("README", new byte[] {'h', 'i'})));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("tar://" + tar));

    assertTrue(e.getMessage().contains(tar + " is a tar archive but no image archive"),
        e.getMessage());
  }

  @Test
  void zstdLayerIsRefusedWithAConversion() throws Exception {
    byte[] zstd = Arrays.copyOf(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, 32);
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));
    // A layer whose bytes say zstd under a name and descriptor that match it.
    rewriteLayer(layout, zstd);

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("oci://" + layout));

    assertTrue(e.getMessage().contains("zstd"), e.getMessage());
    assertTrue(e.getMessage().contains("skopeo copy oci:" + layout + " docker-archive:"),
        e.getMessage());
  }

  @Test
  void mixedLayerCompressionIsRefused() throws Exception {
    // jib-core sniffs the first layer only and would gzip the already gzipped second one.
    Image second = Image.of("amd64", "second");
    ObjectNode config = (ObjectNode) JSON.readTree(image.config());
    ((ArrayNode) config.get("rootfs").get("diff_ids")).add(sha256(second.layerTar()));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("one.tar", image.layerTar());
    files.put("two.tar.gz", second.layer());
    files.put("config.json", JSON.writeValueAsBytes(config));
    files.put(
        "manifest.json",
        JSON.writeValueAsBytes(
            List.of(
                Map.of(
                    "Config", "config.json",
                    "RepoTags", List.of("mixed:1"),
                    "Layers", List.of("one.tar", "two.tar.gz")))));
    Path archive = Files.write(dir.resolve("mixed.tar"), TestImages.tar(files));

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> prepare("tar://" + archive));

    assertTrue(
        e.getMessage().contains("mixes gzip-compressed and uncompressed layers (layer 2 is"
            + " compressed, layer 1 is not)"),
        e.getMessage());
  }

  /** Swaps the one layer of the layout's image for {@code layer}, fixing every digest. */
  private void rewriteLayer(Path layout, byte[] layer) throws IOException {
    ObjectNode manifest = (ObjectNode) JSON.readTree(image.manifest());
    ObjectNode descriptor = (ObjectNode) manifest.get("layers").get(0);
    descriptor.put("digest", sha256(layer));
    descriptor.put("size", layer.length);
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    Files.write(layout.resolve(blobName(layer)), layer);
    Files.write(layout.resolve(blobName(manifestBytes)), manifestBytes);
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.putArray("manifests").add(TestImages.descriptor(TestImages.OCI_MANIFEST, manifestBytes));
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
  }

  @Test
  void preparedArchiveHoldsExactlyTheImage() throws Exception {
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));

    Map<String, byte[]> entries = untar(prepare("oci://" + layout).dockerArchive());

    assertEquals(
        List.of("manifest.json", blobName(image.config()), blobName(image.layer())),
        List.copyOf(entries.keySet()));
    assertArrayEquals(image.layer(), entries.get(blobName(image.layer())));
  }
}
