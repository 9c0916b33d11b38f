package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.files.Quietly;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The entries of a tar archive, read by seeking from header to header: listing a 200 MB archive
 * reads a few kilobytes, and any entry can be read again later. An archive that is cut short is
 * refused when opened, so a missing entry later means the archive never had it.
 */
public final class TarEntries implements ImageFiles {

  private static final int BLOCK = TarHeaders.BLOCK;
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
   * @throws ArchiveException UNUSABLE when the file is compressed or not a tar archive at all,
   *     DAMAGED when it is truncated or corrupt, UNREADABLE when it cannot be read
   */
  public static TarEntries open(Path tar) throws ArchiveException {
    FileChannel channel;
    try {
      channel = FileChannel.open(tar, StandardOpenOption.READ);
    } catch (IOException e) {
      throw ArchiveException.unreadable("Cannot read " + tar + ": " + e, e);
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
        // A later entry of the same name replaces an earlier one, as tar -x would. A name that
        // leads out of the archive's tree names nothing.
        EntryNames.entry(entry.getName()).ifPresent(name -> entries.put(name, entry));
      }
      channel = null;
      return new TarEntries(tar, file, entries);
    } catch (IOException e) {
      // commons-compress says "Truncated TAR archive" or "Corrupted TAR archive" here.
      throw truncated(tar, e.getMessage());
    } finally {
      Quietly.close(channel);
    }
  }

  /** The names of its regular-file entries, normalized. */
  public List<String> names() {
    return entries.entrySet().stream().filter(entry -> entry.getValue().isFile())
        .map(Map.Entry::getKey).sorted().toList();
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
  public long require(String name, String role) throws ArchiveException {
    TarArchiveEntry entry = resolve(name);
    if (entry == null) {
      throw ArchiveException.damaged("The archive " + tar + " is incomplete: it has no entry "
          + name + " (" + role + "). Write the archive again.");
    }
    return entry.getSize();
  }

  @Override
  public InputStream open(String name) throws IOException {
    TarArchiveEntry entry = resolve(name);
    if (entry == null) {
      throw new IOException("no entry " + name);
    }
    return new OneReadAtATime(file.getInputStream(entry), file);
  }

  /**
   * An entry's stream whose reads take turns with every other stream of the archive: each read
   * of commons-compress's moves the archive's one file position, then reads there, so two
   * streams read side by side (the blobs of an image pushed at once) would otherwise read each
   * other's bytes.
   */
  private static final class OneReadAtATime extends FilterInputStream {

    private final Object archive;

    OneReadAtATime(InputStream in, Object archive) {
      super(in);
      this.archive = archive;
    }

    @Override
    public int read() throws IOException {
      synchronized (archive) {
        return in.read();
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      synchronized (archive) {
        return in.read(buffer, offset, length);
      }
    }

    @Override
    public long skip(long count) throws IOException {
      synchronized (archive) {
        return in.skip(count);
      }
    }
  }

  @Override
  public String where(String name) {
    return "entry " + name + " of " + tar;
  }

  @Override
  public void close() throws ArchiveException {
    try {
      file.close();
    } catch (IOException e) {
      throw ArchiveException.unreadable("Cannot close " + tar + ": " + e.getMessage(), e);
    }
  }

  /** The regular file an entry name leads to, through symbolic and hard links. */
  private TarArchiveEntry resolve(String name) {
    TarArchiveEntry entry = EntryNames.entry(name).map(entries::get).orElse(null);
    // skopeo's docker-archives link <id>/layer.tar to ../<diff-id>.tar; follow such links.
    for (int hops = 0; entry != null && hops < MAX_LINK_HOPS; hops++) {
      if (entry.isSymbolicLink()) {
        String base = parentOf(EntryNames.entry(entry.getName()).orElse(""));
        entry = EntryNames.entry(base + entry.getLinkName()).map(entries::get).orElse(null);
      } else if (entry.isLink()) {
        entry = EntryNames.entry(entry.getLinkName()).map(entries::get).orElse(null);
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
      throws IOException, ArchiveException {
    Compression compression =
        Compression.peek(new BufferedInputStream(Channels.newInputStream(channel), BLOCK));
    channel.position(0);
    if (compression != Compression.NONE) {
      throw ArchiveException.unusable(tar + " is " + compression.label() + "-compressed, not a"
          + " plain tar archive; decompress it first (e.g. gunzip a .tar.gz)");
    }
    ByteBuffer header = ByteBuffer.allocate(BLOCK);
    while (header.hasRemaining() && channel.read(header) >= 0) {
      // read until the block is full or the file ends
    }
    if (header.position() < BLOCK || !TarHeaders.isHeader(header.array())) {
      throw ArchiveException.unusable(tar + " is not a tar archive");
    }
    channel.position(0);
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
    return TarHeaders.isZero(block.array());
  }

  private static ArchiveException truncated(Path tar, String detail) {
    return ArchiveException.damaged(tar + " is truncated or corrupt: " + tar.getFileName()
        + " is not a complete tar archive (" + detail + ")");
  }
}
