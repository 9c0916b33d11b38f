package io.github.distrolessmaven.core.push;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an image tar holds, unpacked: the small layout files in memory, the blobs on disk, each
 * already verified against its name.
 *
 * @param index {@code index.json}, when present
 * @param ociLayout {@code oci-layout}, when present
 * @param dockerManifest docker-archive's {@code manifest.json}, when present
 * @param blobs {@code sha256:<hex>} to the unpacked, verified file
 */
record UnpackedArchive(
    Optional<byte[]> index,
    Optional<byte[]> ociLayout,
    Optional<byte[]> dockerManifest,
    Map<String, Path> blobs) {

  UnpackedArchive {
    blobs = Map.copyOf(blobs);
  }
}
