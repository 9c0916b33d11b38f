package io.github.distrolessmaven.core.contents;

import io.github.distrolessmaven.core.archive.EntryNames;
import io.github.distrolessmaven.core.archive.LayerStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies a base image's layers, bottom to top, and reports what the final filesystem holds: its
 * shells, its Debian packages and its Java runtimes. Only names and types are kept, plus dpkg
 * records and {@code release} files, so memory stays small whatever the layers weigh.
 *
 * <p>One scanner reads one image. After {@link #apply} fails the model is half-applied: start again
 * with a new scanner.
 */
public final class LayerScanner {

  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final FileTree tree = new FileTree();
  /** Where the content of an entry not kept is read to, to be dropped; see {@link #apply}. */
  private final byte[] drain = new byte[1 << 16];

  /**
   * Applies the next layer up: a tar archive, gzip-compressed or not. The stream is read to the
   * archive's end and left open.
   *
   * @throws IOException when the layer cannot be read, is compressed with anything but gzip, or is
   *     not a tar archive
   */
  public void apply(InputStream layer) throws IOException {
    tree.beginLayer();
    try (TarArchiveInputStream tar = LayerStream.open(layer)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        apply(tar, entry);
        // Left to itself, the tar stream skips the rest of an entry through commons-io, which takes
        // a new 8 KiB buffer for every 8 KiB skipped: as much garbage as the base holds bytes, and
        // with it a heap grown to collect it. Read it here into one buffer instead.
        while (tar.read(drain) >= 0) {
          // dropped
        }
      }
    }
  }

  /** What the layers applied so far hold. */
  public BaseContents result() {
    Set<DebianPackage> packages = new LinkedHashSet<>();
    List<JavaRuntime> runtimes = new ArrayList<>();
    tree.forEachKept(
        (path, content) -> {
          String text = new String(content, StandardCharsets.UTF_8);
          KeptFiles kind = KeptFiles.of(path);
          if (kind == KeptFiles.DPKG_STATUS) {
            // A package listed both in status and in status.d is one package.
            packages.addAll(DpkgStatus.parse(text));
            return;
          }
          String home = path.substring(0, path.length() - "/release".length());
          if (kind == KeptFiles.JVM_RELEASE || tree.isRegularFile(home + "/bin/java")) {
            JavaRuntime.parseRelease("/" + home, text).ifPresent(runtimes::add);
          }
        });
    return new BaseContents(Shells.in(tree), new ArrayList<>(packages), runtimes,
        tree.executables());
  }

  private void apply(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
    String name = EntryNames.entry(entry.getName()).orElseThrow(() -> new IOException(
        "The layer's entry " + entry.getName() + " leads out of the image's root"));
    if (name.isEmpty()) {
      // The root itself: always there.
      return;
    }
    int slash = name.lastIndexOf('/');
    String directory = slash < 0 ? "" : name.substring(0, slash + 1);
    String base = name.substring(slash + 1);
    if (base.startsWith(WHITEOUT)) {
      // Whiteouts mark what to hide; they are never files of the image.
      if (base.equals(OPAQUE)) {
        tree.opaque(EntryNames.path(directory));
      } else if (!base.startsWith(WHITEOUT + WHITEOUT) && base.length() > WHITEOUT.length()) {
        // Other .wh..wh. names are aufs bookkeeping, not whiteouts.
        tree.whiteout(directory + base.substring(WHITEOUT.length()));
      }
      return;
    }
    String path = tree.place(name);
    if (entry.isDirectory()) {
      tree.putDirectory(path);
    } else if (entry.isSymbolicLink()) {
      tree.putSymlink(path, entry.getLinkName());
    } else if (entry.isLink()) {
      tree.putHardLink(path, entry.getLinkName(), KeptFiles.of(path) != null);
    } else if (entry.isFile()) {
      tree.putFile(path, keep(path, entry, tar), (entry.getMode() & 0111) != 0);
    } else {
      tree.putOther(path);
    }
  }

  /** The content of a file worth keeping; null for the rest, which the tar stream skips. */
  private static byte[] keep(String path, TarArchiveEntry entry, TarArchiveInputStream tar)
      throws IOException {
    if (KeptFiles.of(path) == null || entry.getSize() > KeptFiles.MAX_SIZE) {
      return null;
    }
    byte[] content = tar.readNBytes((int) entry.getSize());
    if (content.length != entry.getSize()) {
      throw new IOException("The layer ends inside " + entry.getName());
    }
    return content;
  }
}
