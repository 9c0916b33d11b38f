package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.common.collect.ImmutableList;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.ScratchTrees;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Places layers in a jib-core cache directory from outside jib-core, laid out as jib-core lays
 * them out, so that its build finds them: {@code layers/<digest>/<diff id>}, written under {@code
 * tmp/} and moved in whole, and for an application layer {@code selectors/<selector>} naming its
 * digest. {@code BaseLayerDownloadTest} and {@code ApplicationLayersAheadTest} check that jib-core
 * reads what is placed here.
 */
final class JibCacheLayout {

  /** jib-core's own selector of a layer by its entries; null when this jib-core has none. */
  private static final Method SELECTOR = selectorMethod();

  private JibCacheLayout() {}

  /** A new directory under the cache's {@code tmp/}, on the cache's file system. */
  static Path temporaryDirectory(Path cacheDirectory, String prefix) throws IOException {
    Path tmp = Files.createDirectories(cacheDirectory.resolve("tmp"));
    return Files.createTempDirectory(tmp, prefix);
  }

  /**
   * Moves {@code file}, the compressed layer written in {@code temporary}, into the cache. Another
   * build that placed the same layer first wins; its copy is the same, and {@code temporary} is
   * deleted.
   */
  static void moveIn(Path cacheDirectory, Path temporary, Path file, String digest,
      String diffId) throws IOException {
    Files.move(file, temporary.resolve(Sha256.hex(diffId)));
    Path destination = layerFile(cacheDirectory, digest, diffId).getParent();
    Files.createDirectories(destination.getParent());
    try {
      Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Onto a directory already there, a rename fails with whatever the system says (ENOTEMPTY
      // on Linux): the layer is there, and the same, as jib-core also concludes.
      if (!Files.isDirectory(destination)) {
        throw e;
      }
      // What stays under the cache's tmp/, jib-core ignores.
      ScratchTrees.deleteQuietly(temporary);
    }
  }

  /** Where the compressed layer with this digest and diff id is, once moved in. */
  static Path layerFile(Path cacheDirectory, String digest, String diffId) {
    return cacheDirectory.resolve("layers").resolve(Sha256.hex(digest))
        .resolve(Sha256.hex(diffId));
  }

  /**
   * The compressed layer with this digest, when the cache holds it whole: its folder holds one
   * file, named by the layer's diff id, as jib-core itself checks.
   */
  static Optional<Path> layerFile(Path cacheDirectory, String digest) throws IOException {
    Path folder = cacheDirectory.resolve("layers").resolve(Sha256.hex(digest));
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.toList();
    }
    if (files.size() != 1 || !Files.isRegularFile(files.get(0))
        || !Sha256.DIGEST.matcher("sha256:" + files.get(0).getFileName()).matches()) {
      throw new IOException("the layer cache is corrupt: " + folder + " does not hold one layer"
          + " file named by its diff id; delete it");
    }
    return Optional.of(files.get(0));
  }

  /** A digest in jib-core's type. */
  static DescriptorDigest digest(String digest) {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (java.security.DigestException e) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest, e);
    }
  }

  /**
   * The key under which jib-core looks up an application layer by its entries (their paths,
   * times and modes). jib-core is bundled in this plugin at one version, whose selector {@code
   * ApplicationLayersAheadTest} checks; a missing one is a packaging fault, reported as such.
   */
  static DescriptorDigest selector(ImmutableList<FileEntry> entries) throws IOException {
    if (SELECTOR == null) {
      throw new IOException("this plugin's jib-core has no layer selector to file layers under");
    }
    try {
      return (DescriptorDigest) SELECTOR.invoke(null, entries);
    } catch (IllegalAccessException | ClassCastException e) {
      throw new IOException("jib-core's layer selector cannot be used: " + e, e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("jib-core's layer selector failed: " + e.getCause(), e.getCause());
    }
  }

  /** Makes {@code selector} name the layer {@code digest}, replacing what it named before. */
  static void select(Path cacheDirectory, DescriptorDigest selector, DescriptorDigest digest)
      throws IOException {
    Path selectors = Files.createDirectories(cacheDirectory.resolve("selectors"));
    Path temporary =
        Files.createTempFile(Files.createDirectories(cacheDirectory.resolve("tmp")), "selector", "");
    try {
      Files.writeString(temporary, digest.getHash(), StandardCharsets.UTF_8);
      Path target = selectors.resolve(selector.getHash());
      try {
        Files.move(temporary, target,
            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Method selectorMethod() {
    try {
      Method method = Class.forName("com.google.cloud.tools.jib.cache.LayerEntriesSelector")
          .getDeclaredMethod("generateSelector", ImmutableList.class);
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
