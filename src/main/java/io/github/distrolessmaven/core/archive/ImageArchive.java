package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.oci.Descriptor;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Rewrites the archive jib-core writes ({@link JibArchive}) into the one archive every tool reads, as {@code docker save} writes it since
 * Docker 25: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}) that is also a docker-archive ({@code manifest.json} pointing into
 * the blobs), carrying every tag. The manifest in it is byte for byte the one a registry push
 * of the same image stores, so the archive's digest is the image's digest.
 */
public final class ImageArchive {

  private ImageArchive() {}

  /**
   * @param jib what jib-core wrote, opened
   * @param output where to write the combined archive (the caller makes it atomic)
   * @param references every full reference the archive carries, e.g. {@code registry/app:1}
   * @param referrer makes the artifact (the SBOM) that refers to the image, given the image's
   *     manifest descriptor; it is carried as an OCI layout referrer: its blobs and manifest in
   *     {@code blobs/}, its manifest listed in {@code index.json} without a tag
   * @return the image's size: config plus compressed layers, as a registry counts it
   * @throws IOException when jib-core's archive cannot be read or the output written
   */
  public static long rewrite(JibArchive jib, Path output, List<String> references,
      Function<Descriptor, ReferrerArtifact> referrer) throws IOException {
    ReferrerArtifact artifact = referrer.apply(Descriptor.of(
        jib.manifestMediaType(), jib.manifestDigest(), jib.manifestBytes().length));
    write(jib, output, references, artifact);
    return jib.size();
  }

  private static void write(JibArchive image, Path output, List<String> references,
      ReferrerArtifact referrer) throws IOException {
    String manifestDigest = image.manifestDigest();
    byte[] manifest = image.manifestBytes();
    ArchivedImage.Blob config = image.blobs().get(0);
    ObjectNode index = Json.object();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    ArrayNode dockerManifest = Json.MAPPER.createArrayNode();
    ObjectNode docker = dockerManifest.addObject();
    docker.put("Config", Descriptor.blobPath(config.digest()));
    ArrayNode repoTags = docker.putArray("RepoTags");
    ArrayNode layerPaths = docker.putArray("Layers");
    for (String reference : references) {
      ObjectNode descriptor = manifests.addObject();
      descriptor.put("mediaType", image.manifestMediaType());
      descriptor.put("digest", manifestDigest);
      descriptor.put("size", manifest.length);
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
      copy(image, tar, config);
      for (ArchivedImage.Blob layer : image.blobs().subList(1, image.blobs().size())) {
        layerPaths.add(Descriptor.blobPath(layer.digest()));
        copy(image, tar, layer);
      }
      ReproducibleTar.putBytes(tar, Descriptor.blobPath(manifestDigest), manifest);
      for (Map.Entry<String, byte[]> blob : referrer.blobs().entrySet()) {
        ReproducibleTar.putBytes(tar, Descriptor.blobPath(blob.getKey()), blob.getValue());
      }
      ReproducibleTar.putBytes(
          tar, Descriptor.blobPath(referrer.descriptor().digest()), referrer.manifest());
      ReproducibleTar.putBytes(tar, "index.json", Json.write(index));
      ReproducibleTar.putBytes(tar, "manifest.json", Json.write(dockerManifest));
    }
  }

  private static void copy(JibArchive jib, TarArchiveOutputStream tar, ArchivedImage.Blob blob)
      throws IOException {
    tar.putArchiveEntry(ReproducibleTar.entry(Descriptor.blobPath(blob.digest()), blob.size()));
    try (InputStream in = jib.open(blob)) {
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
