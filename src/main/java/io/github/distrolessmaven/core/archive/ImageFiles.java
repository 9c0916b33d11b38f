package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The named files of an image on disk, the entries of an archive or the files of a layout
 * directory, so that one reader serves both. Names are relative and use '/' ({@link EntryNames});
 * one that leads out of the tree names nothing.
 */
public interface ImageFiles extends AutoCloseable {

  /** The archive or directory, as messages name it. */
  Path location();

  /** Whether a regular file (or a link to one) of that name exists. */
  boolean contains(String name);

  /**
   * @param role what the file is for, as a message names it: "the image manifest sha256:..."
   * @return the file's size
   * @throws ArchiveException naming the location, the role and the name when it is missing
   */
  long require(String name, String role) throws ArchiveException;

  /** Opens a file that {@link #require} found. */
  InputStream open(String name) throws IOException;

  /** The file as a message names it: a path, or an entry of an archive. */
  String where(String name);

  @Override
  void close() throws ArchiveException;

  /**
   * Reads a small file (JSON) whole.
   *
   * @param limit the largest size accepted: more means a corrupt or hostile file, not JSON
   */
  default byte[] read(String name, String role, long limit) throws ArchiveException {
    long size = require(name, role);
    if (size > limit) {
      throw ArchiveException.damaged(where(name) + " (" + role + ") is " + size + " bytes, far"
          + " more than such a file holds; the image is corrupt.");
    }
    try (InputStream in = open(name)) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length != size) {
        throw ArchiveException.damaged(where(name) + " (" + role + ") ends after "
            + bytes.length + " of " + size + " bytes: the file is truncated.");
      }
      return bytes;
    } catch (IOException e) {
      throw ArchiveException.unreadable(
          "Cannot read " + where(name) + ": " + e.getMessage(), e);
    }
  }
}
