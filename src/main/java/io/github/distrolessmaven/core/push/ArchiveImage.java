package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.util.List;

/**
 * The image an archive holds, checked end to end: the manifest exactly as written (its sha256 is
 * {@code manifestDigest}) and every blob it names, unpacked and verified.
 *
 * @param manifestDigest {@code sha256:<hex>} of {@code manifestBytes}
 * @param manifestMediaType the OCI or Docker v2.2 manifest media type
 * @param manifestBytes the manifest, byte for byte as in the archive
 * @param blobs the config, then the layers, in manifest order
 * @param imageNames the full references the index names ({@code io.containerd.image.name})
 * @param referrers the artifacts the archive carries whose subject is this image (its SBOM)
 */
public record ArchiveImage(
    String manifestDigest,
    String manifestMediaType,
    byte[] manifestBytes,
    List<BlobFile> blobs,
    List<String> imageNames,
    List<ReferrerArtifact> referrers) {

  /** @param blobs copied defensively */
  public ArchiveImage {
    manifestBytes = manifestBytes.clone();
    blobs = List.copyOf(blobs);
    imageNames = List.copyOf(imageNames);
    referrers = List.copyOf(referrers);
  }

  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  /** Config plus layers, in bytes: the image's size as a registry counts it. */
  public long size() {
    return blobs.stream().mapToLong(BlobFile::size).sum();
  }
}
