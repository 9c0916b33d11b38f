package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.cloud.tools.jib.image.ReproducibleLayerBuilder;
import com.google.common.collect.ImmutableList;
import io.github.distrolessmaven.core.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds the application layers into jib-core's application-layer cache while the base is still
 * being read, exactly as jib-core's own layer step does (look the layer up by its entries; else
 * build it reproducibly and write it), so that jib-core then finds every layer built. Compressing
 * a hundred dependency jars is the longest single task of a cold build; started here it overlaps
 * pulling and reading the base instead of following it.
 *
 * <p>Nothing leaves the cache: the policy checks on the base still run before anything is pushed
 * or written out. A layer that fails here is left to jib-core, which builds it again and reports
 * the failure as it would.
 */
final class ApplicationLayersAhead {

  private final ExecutorService pool;
  private final List<CompletableFuture<Void>> builds;

  private ApplicationLayersAhead(ExecutorService pool, List<CompletableFuture<Void>> builds) {
    this.pool = pool;
    this.builds = builds;
  }

  /** Nothing built ahead: jib-core builds every layer. */
  static ApplicationLayersAhead none() {
    return new ApplicationLayersAhead(null, List.of());
  }

  /** Starts building {@code layers} into the cache at {@code cacheDirectory}, each on its own. */
  static ApplicationLayersAhead start(
      Path cacheDirectory, List<FileEntriesLayer> layers, BuildLog log) {
    List<FileEntriesLayer> nonEmpty = layers.stream().filter(l -> !l.getEntries().isEmpty()).toList();
    int threads = Math.max(1, Math.min(nonEmpty.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "distroless-app-layers");
      thread.setDaemon(true);
      return thread;
    });
    List<CompletableFuture<Void>> builds = new ArrayList<>();
    for (FileEntriesLayer layer : nonEmpty) {
      builds.add(CompletableFuture.runAsync(() -> {
        try {
          build(cacheDirectory, layer, log);
        } catch (IOException | CacheCorruptedException | CacheDirectoryCreationException e) {
          log.debug("The " + layer.getName() + " layer is left to jib-core: " + e.getMessage());
        }
      }, pool));
    }
    pool.shutdown();
    return new ApplicationLayersAhead(pool, builds);
  }

  /** Waits until every layer is built (or has failed, for jib-core to try again). */
  void await() {
    for (CompletableFuture<Void> build : builds) {
      try {
        build.join();
      } catch (CompletionException | CancellationException e) {
        // Logged where it failed; jib-core builds the layer itself.
      }
    }
  }

  /** Stops building: the build will not go on. A layer half-written stays out of the cache. */
  void cancel() {
    builds.forEach(build -> build.cancel(true));
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static void build(Path cacheDirectory, FileEntriesLayer layer, BuildLog log)
      throws IOException, CacheCorruptedException, CacheDirectoryCreationException {
    Cache cache = Cache.withDirectory(cacheDirectory);
    ImmutableList<FileEntry> entries = ImmutableList.copyOf(layer.getEntries());
    if (cache.retrieve(entries).isPresent()) {
      return;
    }
    CachedLayer written =
        cache.writeUncompressedLayer(new ReproducibleLayerBuilder(entries).build(), entries);
    log.debug("Built the " + layer.getName() + " layer ahead of jib-core: " + written.getDigest());
  }
}
