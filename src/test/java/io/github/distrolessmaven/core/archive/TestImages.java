package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Real, tiny images written the ways tools write them: layouts, OCI archives, docker-archives. */
final class TestImages {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private TestImages() {}

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(String digest) {
    return digest.substring("sha256:".length());
  }

  /** One image: a single layer holding one file, its config and its OCI manifest. */
  record Image(byte[] layer, byte[] layerTar, byte[] config, byte[] manifest) {

    /** A gzip-layered image for {@code linux/<architecture>} whose one file holds {@code text}. */
    static Image of(String architecture, String text) throws IOException {
      return build(architecture, text, true);
    }

    /** The same with an uncompressed layer, as docker save writes it. */
    static Image uncompressed(String architecture, String text) throws IOException {
      return build(architecture, text, false);
    }

    private static Image build(String architecture, String text, boolean gzip)
        throws IOException {
      byte[] layerTar = tar(Map.of("hello.txt", text.getBytes(StandardCharsets.UTF_8)));
      byte[] layer = gzip ? gzip(layerTar) : layerTar;

      ObjectNode config = JSON.createObjectNode();
      config.put("architecture", architecture);
      config.put("os", "linux");
      config.putObject("config").putArray("Env").add("PATH=/usr/bin:/bin");
      ObjectNode rootfs = config.putObject("rootfs");
      rootfs.put("type", "layers");
      rootfs.putArray("diff_ids").add(sha256(layerTar));
      byte[] configBytes = JSON.writeValueAsBytes(config);

      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", OCI_MANIFEST);
      manifest.set(
          "config",
          descriptor("application/vnd.oci.image.config.v1+json", configBytes));
      manifest
          .putArray("layers")
          .add(
              descriptor(
                  gzip
                      ? "application/vnd.oci.image.layer.v1.tar+gzip"
                      : "application/vnd.oci.image.layer.v1.tar",
                  layer));
      return new Image(layer, layerTar, configBytes, JSON.writeValueAsBytes(manifest));
    }

    String layerDigest() {
      return sha256(layer);
    }

    String configDigest() {
      return sha256(config);
    }

    String manifestDigest() {
      return sha256(manifest);
    }

    /** The blobs of the image, by their path in a layout. */
    Map<String, byte[]> blobs() {
      Map<String, byte[]> blobs = new LinkedHashMap<>();
      blobs.put(blobName(layer), layer);
      blobs.put(blobName(config), config);
      blobs.put(blobName(manifest), manifest);
      return blobs;
    }
  }

  static String blobName(byte[] blob) {
    return "blobs/sha256/" + hex(sha256(blob));
  }

  static ObjectNode descriptor(String mediaType, byte[] blob) {
    ObjectNode descriptor = JSON.createObjectNode();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", sha256(blob));
    descriptor.put("size", blob.length);
    return descriptor;
  }

  /** The files of an OCI image layout, built up entry by entry of its index.json. */
  static final class Layout {
    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final ArrayNode manifests = JSON.createArrayNode();

    /** Adds an image to index.json, with a ref name unless {@code refName} is null. */
    Layout add(Image image, String refName) {
      blobs.putAll(image.blobs());
      ObjectNode entry = descriptor(OCI_MANIFEST, image.manifest());
      if (refName != null) {
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
      }
      manifests.add(entry);
      return this;
    }

    /** Adds an image to index.json that names its platform. */
    Layout addForPlatform(Image image, String architecture) {
      blobs.putAll(image.blobs());
      ObjectNode entry = descriptor(OCI_MANIFEST, image.manifest());
      platform(entry, architecture);
      manifests.add(entry);
      return this;
    }

    /** Adds a multi-platform image: an index whose entries are the images, by architecture. */
    Layout addIndex(Map<String, Image> byArchitecture, String refName) throws IOException {
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", OCI_INDEX);
      ArrayNode entries = index.putArray("manifests");
      for (Map.Entry<String, Image> platform : byArchitecture.entrySet()) {
        blobs.putAll(platform.getValue().blobs());
        ObjectNode entry = descriptor(OCI_MANIFEST, platform.getValue().manifest());
        platform(entry, platform.getKey());
        entries.add(entry);
      }
      byte[] indexBytes = JSON.writeValueAsBytes(index);
      blobs.put(blobName(indexBytes), indexBytes);
      ObjectNode entry = descriptor(OCI_INDEX, indexBytes);
      entry.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
      manifests.add(entry);
      return this;
    }

    /** Replaces a blob's content, keeping its name: a corrupt copy. */
    Layout corrupt(String digest, byte[] content) {
      blobs.put("blobs/sha256/" + hex(digest), content);
      return this;
    }

    /** Drops a blob: an incomplete copy. */
    Layout remove(String digest) {
      blobs.remove("blobs/sha256/" + hex(digest));
      return this;
    }

    /** All files of the layout, by relative path. */
    Map<String, byte[]> files() throws IOException {
      Map<String, byte[]> files = new LinkedHashMap<>(blobs);
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.set("manifests", manifests);
      files.put("index.json", JSON.writeValueAsBytes(index));
      files.put(
          "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      return files;
    }

    Path writeDirectory(Path directory) throws IOException {
      return writeFiles(directory, files());
    }

    Path writeArchive(Path file) throws IOException {
      Files.write(file, tar(files()));
      return file;
    }

    private static void platform(ObjectNode entry, String architecture) {
      ObjectNode platform = entry.putObject("platform");
      platform.put("architecture", architecture);
      platform.put("os", "linux");
    }
  }

  /**
   * A docker-archive as skopeo writes it: {@code <hex>.json} configs, {@code <diff-id>.tar}
   * uncompressed layers, one manifest.json entry per image.
   */
  static Path dockerArchive(Path file, Map<String, Image> byTag) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ArrayNode manifest = JSON.createArrayNode();
    for (Map.Entry<String, Image> tagged : byTag.entrySet()) {
      Image image = tagged.getValue();
      String layerName = hex(sha256(image.layerTar())) + ".tar";
      String configName = hex(image.configDigest()) + ".json";
      files.put(layerName, image.layerTar());
      files.put(configName, image.config());
      ObjectNode entry = manifest.addObject();
      entry.put("Config", configName);
      entry.putArray("RepoTags").add(tagged.getKey());
      entry.putArray("Layers").add(layerName);
    }
    files.put("manifest.json", JSON.writeValueAsBytes(manifest));
    Files.write(file, tar(files));
    return file;
  }

  /**
   * An archive as docker save writes it since Docker 25: an OCI layout plus a manifest.json
   * that names the layout's blobs.
   */
  static Path combinedArchive(Path file, Image image, String tag) throws IOException {
    Map<String, byte[]> files = new Layout().add(image, tag).files();
    ArrayNode manifest = JSON.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", blobName(image.config()));
    entry.putArray("RepoTags").add(tag);
    entry.putArray("Layers").add(blobName(image.layer()));
    files.put("manifest.json", JSON.writeValueAsBytes(manifest));
    Files.write(file, tar(files));
    return file;
  }

  static Path writeFiles(Path directory, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = directory.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    return directory;
  }

  static byte[] tar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // 512-byte records, as Go's archive/tar (skopeo, docker) writes: no padding after the end.
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }

  /** The entries of a tar, by name. */
  static Map<String, byte[]> untar(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(file))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }

  static List<String> texts(JsonNode array) {
    return JSON.convertValue(
        array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
