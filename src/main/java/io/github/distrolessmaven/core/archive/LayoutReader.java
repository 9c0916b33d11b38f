package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads an OCI image layout, a directory or an archive of one: its marker, its {@code
 * index.json}, and blobs verified against their descriptors. Which image to take is the caller's
 * choice; this reader only reads what it is asked for, and refuses what does not match.
 *
 * @param files the files it reads
 * @param name the layout as messages name it: "the OCI layout /x", "the OCI archive /x.tar"
 */
public record LayoutReader(ImageFiles files, String name) {

  /**
   * The layout's index, after checking its {@code oci-layout} marker.
   *
   * @throws ArchiveException DAMAGED when either is missing or malformed, or the layout's version
   *     is not 1.x
   */
  public ImageIndex index() throws ArchiveException {
    String markerWhere = files.where("oci-layout");
    byte[] marker = files.read("oci-layout", "the oci-layout marker", Json.MAX_DOCUMENT);
    String version = Json.text(parse(marker, markerWhere), "imageLayoutVersion").orElse("");
    if (!version.startsWith("1.")) {
      throw ArchiveException.damaged(markerWhere + " declares image layout version '" + version
          + "'; only 1.x is supported.");
    }
    String indexWhere = files.where("index.json");
    byte[] index = files.read("index.json", "the image index", Json.MAX_DOCUMENT);
    try {
      return ImageIndex.of(parse(index, indexWhere), indexWhere);
    } catch (FormatException e) {
      throw corrupt(e);
    }
  }

  /**
   * A manifest or index the layout holds, verified against its descriptor.
   *
   * @param role what it is, as a message names it: "the manifest sha256:..."
   */
  public Document document(Descriptor descriptor, String role) throws ArchiveException {
    byte[] bytes = blob(descriptor, role);
    return new Document(bytes, parse(bytes, where(descriptor)), where(descriptor));
  }

  /**
   * A document and where it is.
   *
   * @param bytes exactly as stored
   * @param tree the JSON
   * @param where the blob, as a message names it
   */
  public record Document(byte[] bytes, JsonNode tree, String where) {}

  /** A small blob (a config, a manifest), read whole and verified against its descriptor. */
  public byte[] blob(Descriptor descriptor, String role) throws ArchiveException {
    requireBlob(descriptor, role);
    byte[] bytes = files.read(descriptor.blobPath(), role, Json.MAX_DOCUMENT);
    String actual = Sha256.of(bytes);
    if (!actual.equals(descriptor.digest())) {
      throw digestMismatch(where(descriptor), role, descriptor.digest(), actual);
    }
    return bytes;
  }

  /** Checks that the blob is there with the size its descriptor says. */
  public void requireBlob(Descriptor descriptor, String role) throws ArchiveException {
    long size = files.require(descriptor.blobPath(), role);
    if (size != descriptor.size()) {
      throw ArchiveException.damaged(where(descriptor) + " (" + role + ") is " + size
          + " bytes, but its descriptor says " + descriptor.size() + "; the blob is corrupt."
          + " Copy the image again.");
    }
  }

  /**
   * Copies a blob of any size to {@code out}, checking its size and digest as it goes; a blob
   * that does not match fails after it was copied, so the caller must not keep what it wrote.
   */
  public void copyBlob(Descriptor descriptor, String role, OutputStream out)
      throws ArchiveException {
    Sha256.Copied copied;
    try (InputStream in = files.open(descriptor.blobPath())) {
      copied = Sha256.copy(in, out);
    } catch (IOException e) {
      throw ArchiveException.unreadable(
          "Cannot read " + where(descriptor) + ": " + e.getMessage(), e);
    }
    if (copied.size() != descriptor.size()) {
      throw ArchiveException.damaged(where(descriptor) + " (" + role + ") ended after "
          + copied.size() + " of " + descriptor.size() + " bytes; the blob is truncated. Copy the"
          + " image again.");
    }
    if (!copied.digest().equals(descriptor.digest())) {
      throw digestMismatch(where(descriptor), role, descriptor.digest(), copied.digest());
    }
  }

  /** The blob, as a message names it. */
  public String where(Descriptor descriptor) {
    return files.where(descriptor.blobPath());
  }

  /** A blob whose content does not hash to its digest. */
  public static ArchiveException digestMismatch(
      String where, String role, String expected, String actual) {
    return ArchiveException.damaged(where + " (" + role + ") does not match its digest: its"
        + " content hashes to " + actual + ", not " + expected + ". The copy is corrupt; write"
        + " it again.");
  }

  /** The JSON of a document the layout holds; malformed JSON means a damaged layout. */
  public static JsonNode parse(byte[] bytes, String where) throws ArchiveException {
    try {
      return Json.read(bytes, where);
    } catch (FormatException e) {
      throw corrupt(e);
    }
  }

  /** A malformed document: the image is corrupt. */
  public static ArchiveException corrupt(FormatException e) {
    return ArchiveException.damaged(e.getMessage() + "; the image is corrupt.", e);
  }
}
