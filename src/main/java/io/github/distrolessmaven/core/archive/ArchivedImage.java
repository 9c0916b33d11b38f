package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One image in an archive, read for a push: its manifest byte for byte, and the blobs that
 * manifest needs, each read from the archive when it is sent.
 */
public interface ArchivedImage extends AutoCloseable {

  /**
   * One blob the manifest needs, present and of the size it says.
   *
   * @param digest {@code sha256:<hex>}
   * @param size in bytes
   * @param role "config" or "layer", for the log
   */
  record Blob(String digest, long size, String role) {}

  /** The manifest's digest, the archive's and, once pushed, the registry's. */
  String manifestDigest();

  /** The OCI or Docker v2.2 manifest media type. */
  String manifestMediaType();

  /** The manifest, byte for byte as it is pushed. */
  byte[] manifestBytes();

  /** The config, then the layers, in manifest order. */
  List<Blob> blobs();

  /** A blob of the image, as the archive holds it. */
  InputStream open(Blob blob) throws IOException;

  /**
   * For a multi-platform image, whose manifest is an image index: the images it lists, each
   * pushed by digest before the index; empty for an image of one platform.
   */
  default List<? extends ArchivedImage> platformImages() {
    return List.of();
  }

  /**
   * Config plus layers of several images, each blob once: what a registry holds for them (an
   * index's images share their application layers).
   */
  static long sizeOf(List<? extends ArchivedImage> images) {
    Map<String, Long> distinct = new LinkedHashMap<>();
    images.forEach(image -> image.blobs().forEach(blob -> distinct.put(blob.digest(), blob.size())));
    return distinct.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Config plus layers, in bytes: the image's size as a registry counts it. */
  default long size() {
    return blobs().stream().mapToLong(Blob::size).sum();
  }

  @Override
  void close() throws ArchiveException;
}
