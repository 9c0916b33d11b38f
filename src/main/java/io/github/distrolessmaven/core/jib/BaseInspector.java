package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ContainerConfigurationTemplate;
import com.google.cloud.tools.jib.image.json.ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.DockerArchiveLayers;
import io.github.distrolessmaven.core.base.PreparedBase;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.LayerScanner;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads what the base holds (shells, Debian packages, Java runtimes) before anything is built,
 * for the shell policy and the SBOM. A registry base's layers are pulled into jib-core's own
 * base-layer cache, where the build then finds them, so nothing is downloaded twice. The
 * result is kept per base digest: a base is read once.
 */
final class BaseInspector {

  private static final String CACHE_DIRECTORY = "distroless-contents";

  private final Path baseLayersCache;
  private final BuildLog log;

  BaseInspector(Path baseLayersCache, BuildLog log) {
    this.baseLayersCache = baseLayersCache;
    this.log = log;
  }

  /** A base given as a file, already prepared as a docker-archive. */
  BaseContents inspect(PreparedBase base) throws ImageBuildException {
    return cached(base.configDigest(), () -> {
      LayerScanner scanner = new LayerScanner();
      DockerArchiveLayers.forEach(base.dockerArchive(), scanner::apply);
      return scanner.result();
    }, base.description());
  }

  /**
   * A registry base, by the digest the build uses.
   *
   * @param registries where to pull from, mirrors first
   * @param offline whether the network may be used; offline, only a remembered result serves
   */
  BaseContents inspect(
      ImageReference base, String digest, List<String> registries, RegistryAccess access,
      boolean offline)
      throws ImageBuildException {
    String subject = base.getRegistry() + "/" + base.getRepository() + "@" + digest;
    return cached(digest, () -> {
      if (offline) {
        throw new ImageBuildException("The base " + subject + " has not been read before, and"
            + " the build is offline. Build once online to cache it.");
      }
      return fromRegistries(base, digest, registries, access, subject);
    }, subject);
  }

  private BaseContents fromRegistries(ImageReference base, String digest,
      List<String> registries, RegistryAccess access, String subject) throws ImageBuildException {
    List<String> failures = new ArrayList<>();
    Exception last = null;
    for (String registry : registries) {
      try {
        RegistryClient client = access.client(registry, base.getRepository());
        return scan(client, imageManifest(client, digest, registry + "/" + base.getRepository()));
      } catch (IOException | RegistryException | CredentialRetrievalException e) {
        failures.add(registry + ": " + JibFailures.explain(e));
        last = e;
      }
    }
    throw new ImageBuildException("Cannot read the layers of the base " + subject + " from any"
        + " registry: " + String.join("; ", failures), last);
  }

  /** The linux/amd64 image manifest, through the index when the digest names one. */
  private static BuildableManifestTemplate imageManifest(
      RegistryClient client, String digest, String where) throws IOException, RegistryException {
    ManifestTemplate manifest = client.pullManifest(digest).getManifest();
    if (manifest instanceof ManifestListTemplate) {
      List<String> platform = ((ManifestListTemplate) manifest).getDigestsForPlatform(
          Platform.LINUX_AMD64.architecture(), Platform.LINUX_AMD64.os());
      if (platform.isEmpty()) {
        throw new IOException(where + "@" + digest + " has no image for "
            + Platform.LINUX_AMD64);
      }
      manifest = client.pullManifest(platform.get(0)).getManifest();
    }
    if (!(manifest instanceof BuildableManifestTemplate)) {
      throw new IOException(where + "@" + digest + " is a schema 1 manifest, which is not read");
    }
    return (BuildableManifestTemplate) manifest;
  }

  /**
   * Pulls the layers the cache lacks, all at once as jib-core would, and reads each in order while
   * it arrives, leaving it in jib-core's cache, where the build finds it. The cache names a layer
   * by its diff ID, taken from the base's config (as jib-core takes it for the image): the config
   * is bound to the pinned manifest by its digest, so the layers need no second hashing.
   */
  private BaseContents scan(RegistryClient client, BuildableManifestTemplate manifest)
      throws IOException {
    Cache cache;
    try {
      cache = Cache.withDirectory(baseLayersCache);
    } catch (CacheDirectoryCreationException e) {
      throw new IOException("cannot create the layer cache " + baseLayersCache, e);
    }
    List<BuildableManifestTemplate.ContentDescriptorTemplate> layers = manifest.getLayers();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, layers.size())));
    List<Object> sources = new ArrayList<>();
    try {
      List<DescriptorDigest> diffIds = null;
      for (BuildableManifestTemplate.ContentDescriptorTemplate layer : layers) {
        DescriptorDigest digest = layer.getDigest();
        CachedLayer cached = retrieve(cache, digest);
        if (cached != null) {
          sources.add(cached);
          continue;
        }
        if (diffIds == null) {
          diffIds = diffIds(client, manifest);
        }
        log.debug("Pulling base layer " + digest + " to read it");
        sources.add(BaseLayerDownload.start(
            baseLayersCache, digest, client.pullBlob(digest, size -> {}, written -> {}), pool));
      }
      LayerScanner scanner = new LayerScanner();
      for (int i = 0; i < sources.size(); i++) {
        if (sources.get(i) instanceof CachedLayer) {
          try (InputStream layer = read((CachedLayer) sources.get(i))) {
            scanner.apply(layer);
          }
          continue;
        }
        BaseLayerDownload download = (BaseLayerDownload) sources.get(i);
        try (InputStream arriving = download.follow()) {
          scanner.apply(arriving);
        }
        download.commit(diffIds.get(i));
        sources.set(i, null);
      }
      return scanner.result();
    } finally {
      pool.shutdownNow();
      for (Object source : sources) {
        if (source instanceof BaseLayerDownload) {
          ((BaseLayerDownload) source).abandon();
        }
      }
    }
  }

  /** The diff IDs of the manifest's layers, in order, from the base's config. */
  private static List<DescriptorDigest> diffIds(
      RegistryClient client, BuildableManifestTemplate manifest) throws IOException {
    DescriptorDigest configDigest = manifest.getContainerConfiguration().getDigest();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    client.pullBlob(configDigest, size -> {}, written -> {}).writeTo(json);
    ContainerConfigurationTemplate config =
        JsonTemplateMapper.readJson(json.toByteArray(), ContainerConfigurationTemplate.class);
    if (config.getLayerCount() != manifest.getLayers().size()) {
      throw new IOException("the base's config " + configDigest + " lists "
          + config.getLayerCount() + " layers where its manifest has "
          + manifest.getLayers().size());
    }
    List<DescriptorDigest> diffIds = new ArrayList<>();
    for (int i = 0; i < config.getLayerCount(); i++) {
      diffIds.add(config.getLayerDiffId(i));
    }
    return diffIds;
  }

  private static CachedLayer retrieve(Cache cache, DescriptorDigest digest) throws IOException {
    try {
      return cache.retrieve(digest).orElse(null);
    } catch (CacheCorruptedException e) {
      throw new IOException("the layer cache is corrupt (" + e.getMessage() + "); delete it", e);
    }
  }

  /**
   * A cached layer as a stream: its file in jib-core's cache layout
   * ({@code layers/<digest>/<diff id>}), or, should that layout ever change, the blob written
   * out through a pipe.
   */
  private InputStream read(CachedLayer layer) throws IOException {
    Path file = baseLayersCache.resolve("layers").resolve(layer.getDigest().getHash())
        .resolve(layer.getDiffId().getHash());
    if (Files.isRegularFile(file)) {
      return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }
    return piped(layer.getBlob());
  }

  /** A blob as a stream: jib-core's blobs only write themselves out. */
  private static InputStream piped(Blob blob) throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (out) {
        blob.writeTo(out);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    });
    return new FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        super.close();
        try {
          writer.join();
        } catch (CompletionException e) {
          // The reader stopped early: the writer's broken pipe is expected then and says
          // nothing about the blob.
        }
      }
    };
  }

  /** The remembered result for {@code key}, else {@code scan}'s, remembered. */
  private BaseContents cached(String key, Scan scan, String subject) throws ImageBuildException {
    Path file = baseLayersCache.resolve(CACHE_DIRECTORY).resolve(Sha256.hex(key) + ".json");
    if (Files.isRegularFile(file)) {
      try {
        return BaseContents.fromJson(Files.readString(file));
      } catch (IOException e) {
        log.debug("Reading the base again: " + file + " is unreadable (" + e.getMessage() + ")");
      }
    }
    BaseContents contents;
    try {
      contents = scan.run();
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the files of the base " + subject + ": "
          + e.getMessage(), e);
    }
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeString(file, contents.toJson());
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write the base cache " + file + ": " + e.getMessage(), e);
    }
    return contents;
  }

  @FunctionalInterface
  private interface Scan {
    BaseContents run() throws IOException, ImageBuildException;
  }
}
