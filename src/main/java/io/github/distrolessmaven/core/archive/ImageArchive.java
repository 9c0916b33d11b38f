package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
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

  private ImageArchive() {}

  /**
   * @param jibArchive what jib-core wrote
   * @param output where to write the combined archive (the caller makes it atomic)
   * @param references every full reference the archive carries, e.g. {@code registry/app:1}
   * @param expectedDigest the manifest digest jib-core reported; a mismatch is an internal error
   * @param referrer makes the artifact (the SBOM) that refers to the image, given the image's
   *     manifest descriptor; it is carried as an OCI layout referrer: its blobs and manifest in
   *     {@code blobs/}, its manifest listed in {@code index.json} without a tag
   * @return the image's size: config plus compressed layers, as a registry counts it
   * @throws IOException when jib-core's archive cannot be read or the output written
   */
  public static long rewrite(Path jibArchive, Path output, List<String> references,
      String expectedDigest, Function<Descriptor, ReferrerArtifact> referrer) throws IOException {
    try (TarEntries jib = TarEntries.open(jibArchive)) {
      Image image = jib.contains("manifest.json") ? fromDockerArchive(jib) : fromOciLayout(jib);
      String manifestDigest = Sha256.of(image.manifest);
      if (!manifestDigest.equals(expectedDigest)) {
        throw new IOException("the archive's manifest is " + manifestDigest + " but the image is "
            + expectedDigest + "; please report this as a bug of distroless-maven-plugin");
      }
      ReferrerArtifact artifact = referrer.apply(
          Descriptor.of(image.mediaType, manifestDigest, image.manifest.length));
      write(jib, output, image, references, artifact);
      return image.config.size() + image.layers.stream().mapToLong(Blob::size).sum();
    } catch (ArchiveException e) {
      throw new IOException("cannot read the archive jib-core wrote, " + jibArchive + ": "
          + e.getMessage(), e);
    }
  }

  /** An entry of jib-core's archive that becomes a blob. */
  private record Blob(String entry, String digest, long size) {}

  /** The image's parts: config and layers as entries, the manifest as its exact bytes. */
  private record Image(Blob config, List<Blob> layers, byte[] manifest, String mediaType) {}

  /** Docker format: the manifest is written as jib-core's registry push writes it. */
  private static Image fromDockerArchive(TarEntries jib) throws ArchiveException, IOException {
    DockerArchiveReader.Image image = new DockerArchiveReader(jib).images().get(0);
    Blob config = blob(jib, image.config());
    List<Blob> layers = new ArrayList<>();
    for (String layer : image.layers()) {
      layers.add(blob(jib, layer));
    }
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.DOCKER_MANIFEST);
    descriptor(manifest.putObject("config"), MediaTypes.DOCKER_CONFIG, config);
    ArrayNode layerNodes = manifest.putArray("layers");
    layers.forEach(layer -> descriptor(layerNodes.addObject(), MediaTypes.DOCKER_LAYER_GZIP, layer));
    return new Image(config, layers, Json.write(manifest), MediaTypes.DOCKER_MANIFEST);
  }

  /** OCI format: jib-core wrote the layout already; its manifest blob is kept as it is. */
  private static Image fromOciLayout(TarEntries jib) throws ArchiveException {
    LayoutReader layout = new LayoutReader(jib, "the OCI layout jib-core wrote");
    ImageIndex index = layout.index();
    Descriptor entry = index.manifests().get(0);
    LayoutReader.Document document = layout.document(entry, "the manifest");
    ImageManifest manifest;
    try {
      manifest = ImageManifest.of(document.tree(), document.where());
    } catch (io.github.distrolessmaven.core.oci.FormatException e) {
      throw LayoutReader.corrupt(e);
    }
    List<Blob> layers = new ArrayList<>();
    for (Descriptor layer : manifest.layers()) {
      layers.add(new Blob(layer.blobPath(), layer.digest(), layer.size()));
    }
    Descriptor config = manifest.config();
    return new Image(new Blob(config.blobPath(), config.digest(), config.size()), layers,
        document.bytes(), MediaTypes.OCI_MANIFEST);
  }

  private static Blob blob(TarEntries jib, String entry) throws ArchiveException, IOException {
    long size = jib.require(entry, "a blob of jib-core's archive");
    try (InputStream in = jib.open(entry)) {
      return new Blob(entry, Sha256.copy(in, OutputStream.nullOutputStream()).digest(), size);
    }
  }

  private static void descriptor(ObjectNode node, String mediaType, Blob blob) {
    node.put("mediaType", mediaType);
    node.put("digest", blob.digest());
    node.put("size", blob.size());
  }

  private static void write(TarEntries jib, Path output, Image image, List<String> references,
      ReferrerArtifact referrer) throws IOException {
    String manifestDigest = Sha256.of(image.manifest);
    ObjectNode index = Json.object();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    ArrayNode dockerManifest = Json.MAPPER.createArrayNode();
    ObjectNode docker = dockerManifest.addObject();
    docker.put("Config", Descriptor.blobPath(image.config.digest()));
    ArrayNode repoTags = docker.putArray("RepoTags");
    ArrayNode layerPaths = docker.putArray("Layers");
    for (String reference : references) {
      ObjectNode descriptor = manifests.addObject();
      descriptor.put("mediaType", image.mediaType);
      descriptor.put("digest", manifestDigest);
      descriptor.put("size", image.manifest.length);
      ObjectNode annotations = descriptor.putObject("annotations");
      annotations.put(Descriptor.IMAGE_NAME, reference);
      annotations.put(Descriptor.REF_NAME, tagOf(reference));
      repoTags.add(reference);
    }
    manifests.add(referrer.indexEntry());

    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      ReproducibleTar.putBytes(tar, "oci-layout",
          "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      copy(jib, tar, image.config);
      for (Blob layer : image.layers) {
        layerPaths.add(Descriptor.blobPath(layer.digest()));
        copy(jib, tar, layer);
      }
      ReproducibleTar.putBytes(tar, Descriptor.blobPath(manifestDigest), image.manifest);
      for (Map.Entry<String, byte[]> blob : referrer.blobs().entrySet()) {
        ReproducibleTar.putBytes(tar, Descriptor.blobPath(blob.getKey()), blob.getValue());
      }
      ReproducibleTar.putBytes(
          tar, Descriptor.blobPath(referrer.descriptor().digest()), referrer.manifest());
      ReproducibleTar.putBytes(tar, "index.json", Json.write(index));
      ReproducibleTar.putBytes(tar, "manifest.json", Json.write(dockerManifest));
    }
  }

  private static void copy(TarEntries jib, TarArchiveOutputStream tar, Blob blob)
      throws IOException {
    tar.putArchiveEntry(ReproducibleTar.entry(Descriptor.blobPath(blob.digest()), blob.size()));
    try (InputStream in = jib.open(blob.entry())) {
      in.transferTo(tar);
    }
    tar.closeArchiveEntry();
  }

  /** The tag of a full reference, e.g. {@code 1} of {@code host:5000/app:1}. */
  static String tagOf(String reference) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(colon + 1) : "latest";
  }
}
