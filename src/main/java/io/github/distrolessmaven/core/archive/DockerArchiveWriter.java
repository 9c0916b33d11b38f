package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an image of an OCI layout as the docker-archive that jib-core reads as a base: a
 * {@code manifest.json}, the config and the layer blobs as they are (gzip stays gzip, so the
 * base's layer digests survive into the built image). Each layer is verified against its digest
 * while it is copied; the archive appears under its final name only when complete.
 */
public final class DockerArchiveWriter {

  private final LayoutReader source;

  /** @param source the layout the image is read from */
  public DockerArchiveWriter(LayoutReader source) {
    this.source = source;
  }

  /** The archive {@link #write} writes for an image, named by its manifest digest. */
  public static Path target(Path workDirectory, LayoutImage image) {
    return workDirectory.resolve("oci-" + Sha256.hex(image.manifestDigest()) + ".docker.tar");
  }

  /**
   * @throws ArchiveException when a layer does not match its digest or the archive cannot be
   *     written; nothing is left behind then
   */
  public void write(LayoutImage image, Path target) throws ArchiveException {
    Path temporary;
    try {
      temporary = AtomicFiles.temporarySibling(target);
    } catch (IOException e) {
      throw ArchiveException.unreadable("Cannot create a file beside " + target + ": " + e, e);
    }
    boolean committed = false;
    try {
      try (OutputStream file = Files.newOutputStream(temporary);
          TarArchiveOutputStream tar =
              new TarArchiveOutputStream(new BufferedOutputStream(file, 1 << 16))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        ReproducibleTar.putBytes(tar, "manifest.json", manifestJson(image));
        ReproducibleTar.putBytes(tar, image.config().blobPath(), image.configBytes());
        Set<String> written = new HashSet<>();
        for (int index = 0; index < image.layers().size(); index++) {
          Descriptor layer = image.layers().get(index);
          // An image may list the same layer twice; the archive needs it once.
          if (written.add(layer.digest())) {
            copyVerified(tar, layer, "layer " + (index + 1) + " " + layer.digest());
          }
        }
        tar.finish();
      }
      AtomicFiles.commit(temporary, target);
      committed = true;
    } catch (IOException e) {
      throw ArchiveException.unreadable("Cannot write " + target + ": " + e, e);
    } finally {
      if (!committed) {
        deletePartial(temporary);
      }
    }
  }

  private void copyVerified(TarArchiveOutputStream tar, Descriptor layer, String role)
      throws IOException, ArchiveException {
    TarArchiveEntry entry = ReproducibleTar.entry(layer.blobPath(), layer.size());
    tar.putArchiveEntry(entry);
    source.copyBlob(layer, role, tar);
    tar.closeArchiveEntry();
  }

  private static byte[] manifestJson(LayoutImage image) {
    ArrayNode manifest = Json.MAPPER.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", image.config().blobPath());
    // No RepoTags: the archive is shared by every ref that names this manifest, and jib-core
    // reads only Config and Layers.
    entry.putArray("RepoTags");
    ArrayNode layers = entry.putArray("Layers");
    image.layers().forEach(layer -> layers.add(layer.blobPath()));
    return Json.write(manifest);
  }

  private static void deletePartial(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // The failure being thrown is the one to report. A leftover is named .*.partial and is
      // never taken for an archive: only the final name is.
    }
  }
}
