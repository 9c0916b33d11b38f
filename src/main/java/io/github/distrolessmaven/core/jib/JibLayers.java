package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.cloud.tools.jib.hash.CountingDigestOutputStream;
import com.google.cloud.tools.jib.image.ReproducibleLayerBuilder;
import com.google.common.collect.ImmutableList;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.DaemonThreads;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.blobs.ParallelGzipOutputStream;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.ScratchTrees;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.layers.LayerPlan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.zip.Deflater;

/**
 * Builds every application layer into jib-core's application-layer cache before jib-core runs,
 * as jib-core's own layer step does (look the layer up by its entries; else build it reproducibly
 * and write it), so that jib-core then finds every layer built and builds none itself. The
 * layers are compressed on several cores ({@link ParallelGzipOutputStream}), where jib-core uses
 * one; since the two give other bytes, a layer is never left to jib-core, or the image's digest
 * would depend on the cache. Compressing a hundred dependency jars is the longest single task of
 * a cold build; started here it overlaps pulling and reading the base instead of following it.
 *
 * <p>Nothing leaves the cache: the policy checks on the base still run before anything is pushed
 * or written out.
 */
public final class JibLayers {

  private static final int MAX_PARALLELISM = 4;

  private final Path cacheDirectory;
  private final List<ExecutorService> pools;
  private final List<CompletableFuture<BuiltLayer>> builds;

  private JibLayers(Path cacheDirectory,
      List<ExecutorService> pools, List<CompletableFuture<BuiltLayer>> builds) {
    this.cacheDirectory = cacheDirectory;
    this.pools = pools;
    this.builds = builds;
  }

  /**
   * Starts building the plan's layers into the cache at {@code cacheDirectory}, each on its own,
   * filed where jib-core looks for them.
   *
   * @param modified the modification time of every file in them
   */
  public static JibLayers start(
      Path cacheDirectory, LayerPlan plan, Instant modified, BuildLog log) {
    return start(cacheDirectory, plan, modified, log, Map.of(), true);
  }

  /**
   * Starts building {@code layers}, but those in {@code known}, into the cache.
   *
   * @param known layers whose result is known, by name: not built
   * @param lookUp whether to look each layer up in the cache by its entries first, and file it
   *     there under them, as jib-core will look for it. Without, a layer is built whether the
   *     cache holds it or not (it gets the same bytes), and jib-core will not find it: for a build
   *     that does not use jib-core. Looking up costs jib-core's JSON mapper, slow to start.
   */
  public static JibLayers start(Path cacheDirectory, LayerPlan plan, Instant modified,
      BuildLog log, Map<String, BuiltLayer> known, boolean lookUp) {
    List<FileEntriesLayer> nonEmpty = JibContainerConfig.layers(plan, modified).stream()
        .filter(l -> !l.getEntries().isEmpty()).toList();
    // Each deflating block holds 2 MiB: a few cores' worth is as fast as a layer is read.
    int cores = Math.min(MAX_PARALLELISM, Runtime.getRuntime().availableProcessors());
    int threads = Math.max(1, Math.min(nonEmpty.size(), cores));
    // Layers are written on one pool and deflated on another: a writer waits for its blocks, and
    // must never hold the thread they need.
    ExecutorService writers = DaemonThreads.pool("distroless-app-layers", threads);
    ExecutorService deflaters = DaemonThreads.pool("distroless-deflate", cores);
    List<CompletableFuture<BuiltLayer>> builds = new ArrayList<>();
    for (FileEntriesLayer layer : nonEmpty) {
      if (known.containsKey(layer.getName())) {
        builds.add(CompletableFuture.completedFuture(known.get(layer.getName())));
        continue;
      }
      builds.add(CompletableFuture.supplyAsync(() -> {
        try {
          return build(cacheDirectory, layer, lookUp, deflaters, cores, log);
        } catch (IOException | CacheCorruptedException | CacheDirectoryCreationException e) {
          throw new LayerFailure(layer.getName(), e);
        }
      }, writers));
    }
    writers.shutdown();
    CompletableFuture.allOf(builds.toArray(CompletableFuture[]::new))
        .whenComplete((done, failure) -> deflaters.shutdown());
    return new JibLayers(cacheDirectory, List.of(writers, deflaters), builds);
  }



  /**
   * Waits until every layer is built; the first that failed fails the build.
   *
   * @return the non-empty layers, in image order: the empty ones are left out of the image
   */
  public List<BuiltLayer> await() throws ImageBuildException {
    List<BuiltLayer> layers = new ArrayList<>();
    for (CompletableFuture<BuiltLayer> build : builds) {
      try {
        layers.add(build.join());
      } catch (CompletionException | CancellationException e) {
        cancel();
        Throwable cause = e.getCause() instanceof LayerFailure failure ? failure : e;
        throw new ImageBuildException("Cannot build the app's layers into " + cacheDirectory
            + ": " + cause.getMessage() + ". Check that the build directory is writable and has"
            + " room, or delete that cache.", cause);
      }
    }
    return layers;
  }

  /** Stops building: the build will not go on. A layer half-written stays out of the cache. */
  public void cancel() {
    builds.forEach(build -> build.cancel(true));
    pools.forEach(ExecutorService::shutdownNow);
  }

  private static BuiltLayer build(Path cacheDirectory, FileEntriesLayer layer, boolean lookUp,
      Executor deflaters, int parallelism, BuildLog log)
      throws IOException, CacheCorruptedException, CacheDirectoryCreationException {
    ImmutableList<FileEntry> entries = ImmutableList.copyOf(layer.getEntries());
    if (lookUp) {
      Optional<CachedLayer> cached = Cache.withDirectory(cacheDirectory).retrieve(entries);
      if (cached.isPresent()) {
        return found(cacheDirectory, layer.getName(), cached.get());
      }
    }
    Blob tar = LinkPreservingLayer.hasLinks(entries)
        ? LinkPreservingLayer.build(entries) : new ReproducibleLayerBuilder(entries).build();
    BuiltLayer built =
        writeCompressed(cacheDirectory, layer.getName(), tar, deflaters, parallelism);
    if (lookUp) {
      JibCacheLayout.select(cacheDirectory, JibCacheLayout.selector(entries),
          JibCacheLayout.digest(built.digest()));
    }
    log.debug("Built the " + layer.getName() + " layer: " + built.digest());
    return built;
  }

  private static BuiltLayer found(Path cacheDirectory, String name, CachedLayer cached) {
    return cached(cacheDirectory, name, cached.getDigest().toString(),
        cached.getDiffId().toString(), cached.getSize());
  }

  /**
   * A layer built before, as it is in the cache at {@code cacheDirectory}.
   *
   * @throws IllegalArgumentException when a digest is not one
   */
  public static BuiltLayer cached(
      Path cacheDirectory, String name, String digest, String diffId, long size) {
    if (!Sha256.DIGEST.matcher(digest).matches() || !Sha256.DIGEST.matcher(diffId).matches()) {
      throw new IllegalArgumentException("not a layer's digests: " + digest + ", " + diffId);
    }
    return new BuiltLayer(name, digest, diffId, size,
        JibCacheLayout.layerFile(cacheDirectory, digest, diffId));
  }

  /** Writes {@code tar} gzip-compressed into the cache, as jib-core would. */
  private static BuiltLayer writeCompressed(Path cacheDirectory, String name, Blob tar,
      Executor deflaters, int parallelism) throws IOException {
    Path temporary = JibCacheLayout.temporaryDirectory(cacheDirectory, "layer");
    try {
      Path file = temporary.resolve("layer.partial");
      BlobDescriptor uncompressed;
      BlobDescriptor compressed;
      try (CountingDigestOutputStream digesting = new CountingDigestOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        // Closing the gzip stream closes the file below; a failed write is reported once.
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(
            digesting, deflaters, parallelism, Deflater.DEFAULT_COMPRESSION)) {
          uncompressed = tar.writeTo(gzip);
          gzip.finish();
          compressed = digesting.computeDigest();
        }
      }
      String digest = compressed.getDigest().toString();
      String diffId = uncompressed.getDigest().toString();
      JibCacheLayout.moveIn(cacheDirectory, temporary, file, digest, diffId);
      return cached(cacheDirectory, name, digest, diffId, compressed.getSize());
    } finally {
      if (Files.exists(temporary)) {
        ScratchTrees.deleteQuietly(temporary);
      }
    }
  }

  /** Carries a layer's failure, and its name, out of its future. */
  private static final class LayerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LayerFailure(String layer, Exception cause) {
      super("the " + layer + " layer: " + cause.getMessage(), cause);
    }
  }
}
