package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * The entries of a tar archive, read by seeking from header to header: listing a 200 MB archive
 * reads a few kilobytes. An archive that is cut short is refused when opened, so a missing entry
 * later means the archive never had it.
 */
final class TarEntries implements ImageFiles {

  private static final int BLOCK = 512;
  private static final int MAX_LINK_HOPS = 8;

  private final Path tar;
  private final TarFile file;
  private final Map<String, TarArchiveEntry> entries;

  private TarEntries(Path tar, TarFile file, Map<String, TarArchiveEntry> entries) {
    this.tar = tar;
    this.file = file;
    this.entries = entries;
  }

  /**
   * @throws InvalidConfigurationException when the file is not a tar archive at all
   * @throws ImageBuildException when it cannot be read, or is truncated or corrupt
   */
  static TarEntries open(Path tar) throws InvalidConfigurationException, ImageBuildException {
    FileChannel channel;
    try {
      channel = FileChannel.open(tar, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read " + tar + ": " + e, e);
    }
    try {
      requireTarHeader(tar, channel);
      TarFile file = new TarFile(channel);
      List<TarArchiveEntry> listed = file.getEntries();
      if (!endsWithEndOfArchive(channel, listed)) {
        file.close();
        throw truncated(tar, "it ends without the end-of-archive marker that every tar writer"
            + " adds");
      }
      Map<String, TarArchiveEntry> entries = new HashMap<>();
      for (TarArchiveEntry entry : listed) {
        // A later entry of the same name replaces an earlier one, as tar -x would.
        entries.put(EntryNames.normalize(entry.getName()), entry);
      }
      channel = null;
      return new TarEntries(tar, file, entries);
    } catch (IOException e) {
      // commons-compress says "Truncated TAR archive" or "Corrupted TAR archive" here.
      throw truncated(tar, e.getMessage());
    } finally {
      closeQuietlyOnFailure(channel);
    }
  }

  @Override
  public Path location() {
    return tar;
  }

  @Override
  public boolean contains(String name) {
    return resolve(name) != null;
  }

  @Override
  public long require(String name, String role) throws ImageBuildException {
    TarArchiveEntry entry = resolve(name);
    if (entry == null) {
      throw new ImageBuildException(
          "The archive " + tar + " is incomplete: it has no entry " + name + " (" + role
              + "). Write the archive again.");
    }
    return entry.getSize();
  }

  @Override
  public InputStream open(String name) throws IOException {
    TarArchiveEntry entry = resolve(name);
    if (entry == null) {
      throw new IOException("no entry " + name);
    }
    return file.getInputStream(entry);
  }

  @Override
  public String where(String name) {
    return "entry " + name + " of " + tar;
  }

  @Override
  public void close() throws ImageBuildException {
    try {
      file.close();
    } catch (IOException e) {
      throw new ImageBuildException("Cannot close " + tar + ": " + e.getMessage(), e);
    }
  }

  /** The regular file an entry name leads to, through symbolic and hard links. */
  private TarArchiveEntry resolve(String name) {
    TarArchiveEntry entry = entries.get(EntryNames.normalize(name));
    // skopeo's docker-archives link <id>/layer.tar to ../<diff-id>.tar; follow such links.
    for (int hops = 0; entry != null && hops < MAX_LINK_HOPS; hops++) {
      if (entry.isSymbolicLink()) {
        String base = parentOf(EntryNames.normalize(entry.getName()));
        entry = entries.get(EntryNames.normalize(base + entry.getLinkName()));
      } else if (entry.isLink()) {
        entry = entries.get(EntryNames.normalize(entry.getLinkName()));
      } else {
        return entry.isFile() ? entry : null;
      }
    }
    return null;
  }

  private static String parentOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash + 1);
  }

  private static void requireTarHeader(Path tar, FileChannel channel)
      throws IOException, InvalidConfigurationException {
    ByteBuffer header = ByteBuffer.allocate(BLOCK);
    while (header.hasRemaining() && channel.read(header) >= 0) {
      // read until the block is full or the file ends
    }
    if (header.position() < BLOCK || !isTarHeader(header.array())) {
      throw LocalBaseImage.invalid(
          tar + " is not a tar archive. tar:// names a docker-archive (docker save, skopeo copy"
              + " ... docker-archive:FILE) or an OCI archive (skopeo copy ... oci-archive:FILE).");
    }
    channel.position(0);
  }

  private static boolean isTarHeader(byte[] header) {
    if (TarArchiveInputStream.matches(header, BLOCK)) {
      return true;
    }
    try {
      // Pre-POSIX tars have no magic; a valid header checksum still tells them apart.
      return TarUtils.verifyCheckSum(header);
    } catch (IllegalArgumentException e) {
      // The checksum field holds no octal number: a zip, a text file, anything but a tar.
      return false;
    }
  }

  /**
   * Whether the block after the last entry's data is a zero block. An archive cut at an entry
   * boundary lists fine but lacks it; without this check it would read as a smaller archive.
   */
  private static boolean endsWithEndOfArchive(FileChannel channel, List<TarArchiveEntry> entries)
      throws IOException {
    if (entries.isEmpty()) {
      return true;
    }
    TarArchiveEntry last = entries.get(entries.size() - 1);
    long end = last.getDataOffset() + (last.getSize() + BLOCK - 1) / BLOCK * BLOCK;
    if (end + BLOCK > channel.size()) {
      return false;
    }
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    channel.position(end);
    while (block.hasRemaining() && channel.read(block) >= 0) {
      // read the whole block
    }
    for (byte b : block.array()) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static ImageBuildException truncated(Path tar, String detail) {
    return new ImageBuildException(
        "The archive " + tar + " is truncated or corrupt (" + detail + "). Write it again, e.g."
            + " with docker save or skopeo copy, and check that the copy finished.");
  }

  private static void closeQuietlyOnFailure(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // The failure that got us here is the one worth reporting; this channel was only read.
    }
  }
}
