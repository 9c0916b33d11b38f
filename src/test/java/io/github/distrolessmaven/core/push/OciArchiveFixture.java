package io.github.distrolessmaven.core.push;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small OCI image layout tars for the tests, entry by entry as a test wants them. */
final class OciArchiveFixture {

  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final List<String> indexManifests = new ArrayList<>();

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Adds a blob under its true name; returns its digest. */
  String blob(byte[] content) {
    String digest = sha256(content);
    entries.put("blobs/sha256/" + digest.substring(7), content);
    return digest;
  }

  /** Adds any entry, right or wrong. */
  OciArchiveFixture entry(String name, byte[] content) {
    entries.put(name, content);
    return this;
  }

  /**
   * Adds a config, one layer and an image manifest of the given type over them, formatted as Go
   * writes JSON (no spaces, Go's escapes), with an annotation Jib's templates do not know.
   *
   * @return the manifest's bytes
   */
  byte[] image(String mediaType, String marker) {
    byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"m\":\""
        + marker + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
    byte[] layer = utf8("layer of " + marker + " ".repeat(3000));
    String configDigest = blob(config);
    String layerDigest = blob(layer);
    String configType = mediaType.equals(OCI_MANIFEST)
        ? "application/vnd.oci.image.config.v1+json"
        : "application/vnd.docker.container.image.v1+json";
    String layerType = mediaType.equals(OCI_MANIFEST)
        ? "application/vnd.oci.image.layer.v1.tar+gzip"
        : "application/vnd.docker.image.rootfs.diff.tar.gzip";
    byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\","
        + "\"config\":{\"mediaType\":\"" + configType + "\",\"digest\":\"" + configDigest
        + "\",\"size\":" + config.length + "},"
        + "\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + layerDigest
        + "\",\"size\":" + layer.length + "}],"
        + "\"annotations\":{\"note\":\"\\u003cGo escapes\\u003e \u00e9\"}}");
    blob(manifest);
    return manifest;
  }

  OciArchiveFixture remove(String name) {
    entries.remove(name);
    return this;
  }

  /** Lists a manifest in index.json under a tag and, when not null, a full name. */
  OciArchiveFixture tag(byte[] manifest, String mediaType, String tag, String fullName) {
    String annotations = "\"org.opencontainers.image.ref.name\":\"" + tag + "\""
        + (fullName == null ? "" : ",\"io.containerd.image.name\":\"" + fullName + "\"");
    indexManifests.add("{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + sha256(manifest)
        + "\",\"size\":" + manifest.length + ",\"annotations\":{" + annotations + "}}");
    return this;
  }

  /** Adds oci-layout and index.json from the tags given so far. */
  OciArchiveFixture layout() {
    entries.put("oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}"));
    entries.put("index.json", utf8("{\"schemaVersion\":2,\"mediaType\":"
        + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + String.join(",", indexManifests) + "]}"));
    return this;
  }

  Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
        header.setSize(entry.getValue().length);
        tar.putArchiveEntry(header);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }
}
