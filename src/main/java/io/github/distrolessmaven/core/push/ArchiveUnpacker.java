package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an image tar once, front to back: layout files into memory, each blob into its own file
 * while its sha256 is computed, so that a layer of any size is never held in memory and a
 * corrupt blob is found before anything is pushed.
 */
final class ArchiveUnpacker {

  /** Layout files are a few kB; anything this large is not one. */
  private static final long MAX_LAYOUT_FILE = 16L * 1024 * 1024;

  private static final Pattern BLOB = Pattern.compile("blobs/sha256/([0-9a-f]{64})");

  private ArchiveUnpacker() {}

  /**
   * @param tar the archive
   * @param scratch an empty directory that receives the blobs
   * @throws InvalidConfigurationException when the file is missing, not a tar, truncated, or
   *     holds a blob whose content does not match its name
   * @throws ImageBuildException when the archive cannot be read or the scratch directory written
   */
  static UnpackedArchive unpack(Path tar, Path scratch)
      throws InvalidConfigurationException, ImageBuildException {
    if (!Files.isRegularFile(tar)) {
      throw ArchiveProblems.invalid(tar, "does not exist or is not a file");
    }
    Map<String, byte[]> layoutFiles = new LinkedHashMap<>();
    Map<String, Path> blobs = new LinkedHashMap<>();
    String current = null;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tar))) {
      if (isGzip(file)) {
        throw ArchiveProblems.invalid(tar, "is gzip-compressed; give the plain .tar (gunzip it first)");
      }
      TarArchiveInputStream entries = new TarArchiveInputStream(file);
      TarArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        String name = normalize(entry.getName());
        current = name;
        Matcher blob = BLOB.matcher(name);
        if (blob.matches()) {
          if (!entry.isFile()) {
            throw ArchiveProblems.invalid(tar, "holds " + name + " as a "
                + (entry.isSymbolicLink() || entry.isLink() ? "link" : "non-file")
                + "; blobs must be plain files");
          }
          String digest = "sha256:" + blob.group(1);
          blobs.put(digest, copyVerified(entries, entry.getSize(), blob.group(1), scratch, tar, name));
        } else if (isLayoutFile(name) && entry.isFile()) {
          if (entry.getSize() > MAX_LAYOUT_FILE) {
            throw ArchiveProblems.invalid(tar, "holds a " + entry.getSize() + "-byte " + name
                + ", far larger than an image layout file can be");
          }
          layoutFiles.put(name, entries.readAllBytes());
        }
      }
    } catch (ScratchWriteFailure e) {
      throw new ImageBuildException("Cannot unpack " + tar + " into " + scratch + ": "
          + e.getCause().getMessage() + ". Check the free space and permissions there.", e);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new ImageBuildException("Cannot read " + tar + ": " + e, e);
    } catch (IOException e) {
      throw ArchiveProblems.invalid(tar, "is not a complete tar archive ("
          + (current == null ? "" : "while reading " + current + ": ") + e.getMessage()
          + "); it may be truncated");
    }
    return new UnpackedArchive(
        Optional.ofNullable(layoutFiles.get("index.json")),
        Optional.ofNullable(layoutFiles.get("oci-layout")),
        Optional.ofNullable(layoutFiles.get("manifest.json")),
        blobs);
  }

  private static boolean isLayoutFile(String name) {
    return name.equals("index.json") || name.equals("oci-layout") || name.equals("manifest.json");
  }

  /** Copies the entry to scratch while hashing; the copy is deleted if the content is wrong. */
  private static Path copyVerified(
      InputStream entry, long declaredSize, String hex, Path scratch, Path tar, String name)
      throws IOException, InvalidConfigurationException {
    Path target = scratch.resolve(hex);
    MessageDigest sha256 = Sha256.newDigest();
    long copied;
    try (OutputStream out = new DigestOutputStream(new ScratchFile(target), sha256)) {
      copied = entry.transferTo(out);
    }
    if (copied != declaredSize) {
      Files.deleteIfExists(target);
      throw new IOException(name + " has " + copied + " of its " + declaredSize + " bytes");
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equals(hex)) {
      Files.deleteIfExists(target);
      throw ArchiveProblems.invalid(tar, "is corrupt: blob " + name + " has sha256:" + actual
          + ", not the sha256:" + hex + " its name says. Write the archive again");
    }
    return target;
  }

  /** "./blobs/sha256/x" and "/blobs/sha256/x" name the same entry as "blobs/sha256/x". */
  private static String normalize(String name) {
    String normalized = name;
    while (normalized.startsWith("./") || normalized.startsWith("/")) {
      normalized = normalized.substring(normalized.startsWith("./") ? 2 : 1);
    }
    return normalized;
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  /** A failure to write the scratch directory, told apart from a failure to read the tar. */
  private static final class ScratchWriteFailure extends IOException {
    ScratchWriteFailure(IOException cause) {
      super(cause);
    }
  }

  /** A file output whose every failure is a {@link ScratchWriteFailure}. */
  private static final class ScratchFile extends OutputStream {
    private final OutputStream out;

    ScratchFile(Path file) throws ScratchWriteFailure {
      try {
        out = Files.newOutputStream(file);
      } catch (IOException e) {
        throw new ScratchWriteFailure(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new ScratchWriteFailure(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new ScratchWriteFailure(e);
      }
    }
  }
}
