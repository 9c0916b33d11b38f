package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.archive.DockerArchiveLayers;
import io.github.distrolessmaven.core.base.PreparedBase;
import io.github.distrolessmaven.core.base.RegistryBase;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.LayerScanner;
import io.github.distrolessmaven.core.jib.BaseLayerDownload;
import io.github.distrolessmaven.core.jib.SiblingImage;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageConfig;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.progress.TransferProgress;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.state.BaseContentsMemory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The base-reading step: what the base holds (shells, Debian packages, Java runtimes), read before
 * anything is built, for the shell policy and the SBOM. A registry base's layers are pulled into
 * jib-core's base-layer cache, where its build then finds them, so nothing is downloaded twice.
 * The result is remembered per base: a base is read once.
 *
 * @param baseLayersCache jib-core's cache of base layers
 * @param memory what is remembered of bases read before
 * @param log receives what is pulled
 */
record BaseScan(Path baseLayersCache, BaseContentsMemory memory, BuildLog log) {

  /** What a base given as a file, prepared as a docker-archive, holds. */
  BaseContents of(PreparedBase base) throws ImageBuildException, InvalidConfigurationException {
    return remembered(base.configDigest(), () -> {
      LayerScanner scanner = new LayerScanner();
      DockerArchiveLayers.forEach(base.dockerArchive(), scanner::apply);
      return scanner.result();
    }, base.description());
  }

  /**
   * What a registry base holds for {@code platform}, by the digest the build uses.
   *
   * @param digest the base's digest: its image's, or its index's, which names an image per
   *     platform
   * @param registries where to pull from, mirrors first
   * @param offline whether the network may be used; offline, only a remembered result serves
   * @throws InvalidConfigurationException when the base has no image for {@code platform}
   */
  BaseContents of(ImageReference base, String digest, Platform platform, List<String> registries,
      Registries clients, boolean offline)
      throws ImageBuildException, InvalidConfigurationException {
    String subject = base.registry() + "/" + base.repository() + "@" + digest;
    // An index's digest holds one image per platform; linux/amd64's keeps the key it always had.
    String key = platform.equals(Platform.LINUX_AMD64) ? digest
        : digest + " " + platform.canonical();
    return remembered(key, () -> {
      if (offline) {
        throw new ImageBuildException("The base " + subject + " (" + platform + ") has not been"
            + " read before, and the build is offline. Build once online to cache it.");
      }
      return fromRegistries(base, digest, platform, registries, clients, subject);
    }, subject);
  }

  private BaseContents fromRegistries(ImageReference base, String digest, Platform platform,
      List<String> registries, Registries clients, String subject)
      throws ImageBuildException, InvalidConfigurationException {
    List<String> failures = new ArrayList<>();
    IOException last = null;
    for (String registry : registries) {
      try {
        RegistryClient client = clients.pull(registry, base.repository());
        return scan(client, RegistryBase.image(client, digest, platform, subject));
      } catch (RegistryFailure | FormatException e) {
        failures.add(registry + ": " + e.getMessage());
        last = e;
      }
    }
    throw new ImageBuildException("Cannot read the layers of the base " + subject + " from any"
        + " registry: " + String.join("; ", failures), last);
  }

  /**
   * The base's image for {@code platform}, its layers and config as the registry serves them:
   * what another platform's image is derived from ({@link SiblingImage}).
   *
   * @param digest the base's digest: its image's, or its index's
   */
  static SiblingImage.Base imageOf(RegistryClient client, String digest, Platform platform)
      throws RegistryFailure, FormatException, InvalidConfigurationException {
    ImageManifest manifest = RegistryBase.image(client, digest, platform,
        client.name() + "@" + digest).manifest();
    return new SiblingImage.Base(manifest.layers(),
        RegistryBase.configBytes(client, manifest.config()));
  }

  /**
   * Pulls the layers the cache lacks, all at once, and reads each in order while it arrives,
   * leaving it in jib-core's cache, where the build finds it. The cache names a layer by its diff
   * ID, taken from the base's config: the config is bound to the pinned manifest by its digest,
   * so the layers need no second hashing.
   */
  private BaseContents scan(RegistryClient client, RegistryBase.Image image)
      throws RegistryFailure, FormatException {
    ImageManifest manifest = image.manifest();
    List<Descriptor> layers = manifest.layers();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, layers.size())));
    List<Object> sources = new ArrayList<>();
    TransferProgress progress = TransferProgress.start("Pulling the base", log);
    try {
      List<String> diffIds = null;
      for (Descriptor layer : layers) {
        Optional<Path> cached = BaseLayerDownload.cached(baseLayersCache, layer.digest());
        if (cached.isPresent()) {
          sources.add(cached.get());
          continue;
        }
        if (diffIds == null) {
          diffIds = diffIds(RegistryBase.config(client, image), manifest);
        }
        log.debug("Pulling base layer " + layer.digest() + " to read it");
        sources.add(BaseLayerDownload.start(baseLayersCache, layer.digest(),
            () -> progress.reading(layer.digest(), layer.size(), client.blob(layer.digest())),
            pool));
      }
      LayerScanner scanner = new LayerScanner();
      for (int i = 0; i < sources.size(); i++) {
        if (sources.get(i) instanceof Path file) {
          try (InputStream layer = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
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
    } catch (RegistryFailure | FormatException e) {
      throw e;
    } catch (IOException e) {
      throw new FormatException("cannot read its layers: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
      for (Object source : sources) {
        if (source instanceof BaseLayerDownload download) {
          download.abandon();
        }
      }
    }
  }

  /** The diff IDs of the manifest's layers, in order, from the base's config. */
  private static List<String> diffIds(ImageConfig parsed, ImageManifest manifest)
      throws FormatException {
    if (parsed.diffIds().size() != manifest.layers().size()) {
      throw new FormatException("the base's config " + manifest.config().digest() + " lists "
          + parsed.diffIds().size() + " layers where its manifest has "
          + manifest.layers().size());
    }
    return parsed.diffIds();
  }

  /** The remembered result for {@code key}, else {@code scan}'s, remembered. */
  private BaseContents remembered(String key, Scan scan, String subject)
      throws ImageBuildException, InvalidConfigurationException {
    try {
      Optional<BaseContents> known = memory.recall(key);
      if (known.isPresent()) {
        return known.get();
      }
    } catch (IOException e) {
      log.debug("Reading the base again: " + memory.fileFor(key) + " is unreadable ("
          + e.getMessage() + ")");
    }
    BaseContents contents;
    try {
      contents = scan.run();
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the files of the base " + subject + ": "
          + e.getMessage(), e);
    }
    try {
      memory.remember(key, contents);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write the base cache " + memory.fileFor(key) + ": "
          + e.getMessage(), e);
    }
    return contents;
  }

  @FunctionalInterface
  private interface Scan {
    BaseContents run() throws IOException, ImageBuildException, InvalidConfigurationException;
  }
}
