package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Rewrites the archive jib-core writes (a docker-archive, or an OCI layout for the OCI format,
 * with one tag) into the one archive every tool reads, as {@code docker save} writes it since
 * Docker 25: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}) that is also a docker-archive ({@code manifest.json} pointing into
 * the blobs), carrying every tag. The manifest in it is byte for byte the one a registry push
 * of the same image stores, so the archive's digest is the image's digest.
 */
public final class ImageArchive {

  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  static final String CONTAINERD_NAME = "io.containerd.image.name";

  private ImageArchive() {}

  /**
   * @param jibArchive what jib-core wrote
   * @param output where to write the combined archive (the caller makes it atomic)
   * @param references every full reference the archive carries, e.g. {@code registry/app:1}
   * @param expectedDigest the manifest digest jib-core reported; a mismatch is an internal error
   * @param scratch an empty directory for unpacking
   * @param referrer makes the artifact (the SBOM) that refers to the image, given the image's
   *     manifest descriptor; it is carried as an OCI layout referrer: its blobs and manifest in
   *     {@code blobs/}, its manifest listed in {@code index.json} without a tag
   * @return the image's size: config plus compressed layers, as a registry counts it
   */
  public static long rewrite(
      Path jibArchive, Path output, List<String> references, String expectedDigest, Path scratch,
      Function<Descriptor, ReferrerArtifact> referrer)
      throws IOException {
    unpack(jibArchive, scratch);
    Blobs blobs = Files.isRegularFile(scratch.resolve("manifest.json"))
        ? fromDockerArchive(scratch)
        : fromOciLayout(scratch);
    String manifestDigest = Sha256.of(blobs.manifest);
    if (!manifestDigest.equals(expectedDigest)) {
      throw new IOException("the archive's manifest is " + manifestDigest + " but the image is "
          + expectedDigest + "; please report this as a bug of distroless-maven-plugin");
    }
    ReferrerArtifact artifact = referrer.apply(
        new Descriptor(blobs.manifestMediaType, manifestDigest, blobs.manifest.length));
    write(output, blobs, references, artifact);
    long size = Files.size(blobs.config);
    for (Path layer : blobs.layers) {
      size += Files.size(layer);
    }
    return size;
  }

  /** The image's parts: config and layers as files, the manifest as its exact bytes. */
  private static final class Blobs {
    final Path config;
    final List<Path> layers;
    final byte[] manifest;
    final String manifestMediaType;

    Blobs(Path config, List<Path> layers, byte[] manifest, String manifestMediaType) {
      this.config = config;
      this.layers = layers;
      this.manifest = manifest;
      this.manifestMediaType = manifestMediaType;
    }
  }

  /** Docker format: the manifest is rebuilt with Jib's own template, as its registry push does. */
  private static Blobs fromDockerArchive(Path dir) throws IOException {
    JsonNode entry = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).get(0);
    Path config = dir.resolve(entry.get("Config").asText());
    V22ManifestTemplate manifest = new V22ManifestTemplate();
    manifest.setContainerConfiguration(Files.size(config), descriptor(Sha256.of(config)));
    List<Path> layers = new ArrayList<>();
    for (JsonNode layer : entry.get("Layers")) {
      Path file = dir.resolve(layer.asText());
      layers.add(file);
      manifest.addLayer(Files.size(file), descriptor(Sha256.of(file)));
    }
    return new Blobs(config, layers, JsonTemplateMapper.toByteArray(manifest),
        V22ManifestTemplate.MANIFEST_MEDIA_TYPE);
  }

  /** OCI format: Jib already wrote the layout; its manifest blob is kept as it is. */
  private static Blobs fromOciLayout(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode descriptor = json.readTree(dir.resolve("index.json").toFile()).get("manifests").get(0);
    byte[] manifestBytes = Files.readAllBytes(blob(dir, descriptor.get("digest").asText()));
    JsonNode manifest = json.readTree(manifestBytes);
    List<Path> layers = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      layers.add(blob(dir, layer.get("digest").asText()));
    }
    return new Blobs(blob(dir, manifest.get("config").get("digest").asText()), layers,
        manifestBytes, OciManifestTemplate.MANIFEST_MEDIA_TYPE);
  }

  private static void write(
      Path output, Blobs blobs, List<String> references, ReferrerArtifact referrer)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    String configDigest = Sha256.of(blobs.config);
    String manifestDigest = Sha256.of(blobs.manifest);

    ObjectNode index = json.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    ArrayNode dockerManifest = json.createArrayNode();
    ObjectNode image = dockerManifest.addObject();
    image.put("Config", blobPath(configDigest));
    ArrayNode repoTags = image.putArray("RepoTags");
    ArrayNode layerPaths = image.putArray("Layers");
    for (String reference : references) {
      ObjectNode descriptor = manifests.addObject();
      descriptor.put("mediaType", blobs.manifestMediaType);
      descriptor.put("digest", manifestDigest);
      descriptor.put("size", blobs.manifest.length);
      ObjectNode annotations = descriptor.putObject("annotations");
      annotations.put(CONTAINERD_NAME, reference);
      annotations.put(REF_NAME, tagOf(reference));
      repoTags.add(reference);
    }
    manifests.add(referrer.indexEntry(json));

    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      ReproducibleTar.putBytes(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      ReproducibleTar.putFile(tar, blobPath(configDigest), blobs.config);
      for (Path layer : blobs.layers) {
        String path = blobPath(Sha256.of(layer));
        layerPaths.add(path);
        ReproducibleTar.putFile(tar, path, layer);
      }
      ReproducibleTar.putBytes(tar, blobPath(manifestDigest), blobs.manifest);
      for (Map.Entry<String, byte[]> blob : referrer.blobs().entrySet()) {
        ReproducibleTar.putBytes(tar, blobPath(blob.getKey()), blob.getValue());
      }
      ReproducibleTar.putBytes(
          tar, blobPath(referrer.descriptor().digest()), referrer.manifest());
      ReproducibleTar.putBytes(tar, "index.json", json.writeValueAsBytes(index));
      ReproducibleTar.putBytes(tar, "manifest.json", json.writeValueAsBytes(dockerManifest));
    }
  }

  /** The tag of a full reference, e.g. {@code 1} of {@code host:5000/app:1}. */
  static String tagOf(String reference) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(colon + 1) : "latest";
  }

  private static DescriptorDigest descriptor(String digest) {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("a digest we computed is always well-formed", e);
    }
  }

  private static String blobPath(String digest) {
    return "blobs/sha256/" + digest.substring("sha256:".length());
  }

  private static Path blob(Path dir, String digest) {
    return dir.resolve(blobPath(digest));
  }

  private static void unpack(Path archive, Path directory) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = directory.resolve(entry.getName()).normalize();
        if (!target.startsWith(directory) || !entry.isFile()) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(tar, target);
      }
    }
  }
}
