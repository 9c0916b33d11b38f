package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * @param output where the combined archive is written (a file the caller makes atomic, or an
   *     engine reading it as it comes); closed when written
   * @param references every full reference the archive carries, e.g. {@code registry/app:1}
   * @param referrer makes the artifact (the SBOM) that refers to the image, given the image's
   *     manifest descriptor; it is carried as an OCI layout referrer: its blobs and manifest in
   *     {@code blobs/}, its manifest listed in {@code index.json} without a tag
   * @return the image's size: config plus compressed layers, as a registry counts it
   * @throws IOException when jib-core's archive cannot be read or the output written
   */
  public static long rewrite(JibArchive jib, OutputStream output, List<String> references,
      Function<Descriptor, ReferrerArtifact> referrer) throws IOException {
    Descriptor image = Descriptor.of(
        jib.manifestMediaType(), jib.manifestDigest(), jib.manifestBytes().length);
    write(List.of(jib), image, Optional.empty(), jib, output, references,
        List.of(referrer.apply(image)));
    return jib.size();
  }

  /**
   * One image's platform in a multi-platform archive.
   *
   * @param image what jib-core wrote for the platform, opened
   * @param platform as the index names it
   */
  public record PlatformImage(ArchivedImage image, Platform platform) {}

  /**
   * The combined archive of a multi-platform image: every platform's image, and the image index
   * of them (byte for byte the one a registry push of the same images stores) under every tag
   * in {@code index.json}; {@code manifest.json} names one platform's image, for {@code docker
   * load} and {@code podman load}, which read no index.
   *
   * @param images each platform's image, in the index's order
   * @param indexMediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}
   * @param loaded the platform whose image {@code manifest.json} names; one of {@code images}
   * @param referrers the artifacts that refer to the images (each platform's SBOM)
   * @return the digest of the index
   */
  public static String rewriteIndex(List<PlatformImage> images, String indexMediaType,
      Platform loaded, OutputStream output, List<String> references,
      List<ReferrerArtifact> referrers)
      throws IOException {
    List<Descriptor> entries = new ArrayList<>();
    ArchivedImage load = null;
    for (PlatformImage platform : images) {
      ArchivedImage image = platform.image();
      entries.add(Descriptor.of(image.manifestMediaType(), image.manifestDigest(),
          image.manifestBytes().length).withPlatform(platform.platform()));
      if (platform.platform().equals(loaded)) {
        load = image;
      }
    }
    if (load == null) {
      throw new IllegalArgumentException(loaded + " is not one of the archive's platforms");
    }
    byte[] index = ImageIndex.write(indexMediaType, entries);
    write(images.stream().map(PlatformImage::image).toList(),
        Descriptor.of(indexMediaType, index), Optional.of(index), load, output, references,
        referrers);
    return Sha256.of(index);
  }

  /**
   * @param images every image the archive holds
   * @param tagged what every tag names: the one image's manifest, or the index
   * @param index the index of the images, for a multi-platform image
   * @param loaded the image {@code manifest.json} names
   */
  private static void write(List<? extends ArchivedImage> images, Descriptor tagged, Optional<byte[]> index,
      ArchivedImage loaded, OutputStream output, List<String> references,
      List<ReferrerArtifact> referrers)
      throws IOException {
    ObjectNode layout = Json.object();
    layout.put("schemaVersion", 2);
    layout.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = layout.putArray("manifests");
    ArrayNode dockerManifest = Json.MAPPER.createArrayNode();
    ObjectNode docker = dockerManifest.addObject();
    docker.put("Config", Descriptor.blobPath(loaded.blobs().get(0).digest()));
    ArrayNode repoTags = docker.putArray("RepoTags");
    ArrayNode layerPaths = docker.putArray("Layers");
    for (ArchivedImage.Blob layer : loaded.blobs().subList(1, loaded.blobs().size())) {
      layerPaths.add(Descriptor.blobPath(layer.digest()));
    }
    for (String reference : references) {
      ObjectNode descriptor = manifests.addObject();
      tagged.writeTo(descriptor);
      ObjectNode annotations = descriptor.putObject("annotations");
      annotations.put(Descriptor.IMAGE_NAME, reference);
      annotations.put(Descriptor.REF_NAME, tagOf(reference));
      repoTags.add(reference);
    }
    referrers.forEach(referrer -> manifests.add(referrer.indexEntry()));

    try (OutputStream file = new BufferedOutputStream(output);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      ReproducibleTar.putBytes(tar, "oci-layout",
          "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      Set<String> written = new HashSet<>();
      for (ArchivedImage image : images) {
        for (ArchivedImage.Blob blob : image.blobs()) {
          if (written.add(blob.digest())) {
            copy(image, tar, blob);
          }
        }
        ReproducibleTar.putBytes(
            tar, Descriptor.blobPath(image.manifestDigest()), image.manifestBytes());
      }
      if (index.isPresent()) {
        ReproducibleTar.putBytes(tar, tagged.blobPath(), index.get());
      }
      for (ReferrerArtifact referrer : referrers) {
        for (Map.Entry<String, byte[]> blob : referrer.blobs().entrySet()) {
          if (written.add(blob.getKey())) {
            ReproducibleTar.putBytes(tar, Descriptor.blobPath(blob.getKey()), blob.getValue());
          }
        }
        ReproducibleTar.putBytes(
            tar, Descriptor.blobPath(referrer.descriptor().digest()), referrer.manifest());
      }
      ReproducibleTar.putBytes(tar, "index.json", Json.write(layout));
      ReproducibleTar.putBytes(tar, "manifest.json", Json.write(dockerManifest));
    }
  }

  private static void copy(ArchivedImage jib, TarArchiveOutputStream tar, ArchivedImage.Blob blob)
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
