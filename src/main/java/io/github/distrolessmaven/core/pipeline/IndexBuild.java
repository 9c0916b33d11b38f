package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.jib.JibLayers;
import io.github.distrolessmaven.core.jib.SiblingImage;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.LastBuild;
import io.github.distrolessmaven.core.state.StateFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build of an image for several platforms, as one image index: the base resolved once (a
 * file base prepared per platform); when the registry still holds the last push of the same
 * inputs whole, nothing is built ({@link UpToDateCheck}); else the application's layers are built
 * once (and each platform's own runtime, when jlink linked one per platform) while each
 * platform's base image is read (side by side) and checked as a single platform's is, and the
 * images and the index are pushed ({@link IndexPush}) or written into
 * one archive ({@link TarExport}).
 */
final class IndexBuild {

  private final BuildLog log;

  /** @param log receives progress and every warning */
  IndexBuild(BuildLog log) {
    this.log = log;
  }

  /**
   * Builds the image index and puts it where {@code destination} says.
   *
   * @throws InvalidConfigurationException when a platform's base is refused by a policy, or
   *     the base has no image for a platform
   * @throws ImageBuildException when a registry, the cache or the file system fails
   */
  BuiltImage build(ImageSpec spec, Destination destination, StateFiles state,
      ImageReference target, JibBuild jib, JibCredentials baseCredentials,
      Registries baseRegistries, Registries targetRegistries)
      throws InvalidConfigurationException, ImageBuildException {
    ImageContent content = spec.content();
    Platform first = content.platforms().get(0);
    BaseResolution firstBase = BaseResolution.resolve(spec, first, state, baseRegistries, log);
    // A registry base is one digest, an index, for every platform; a file is read per platform.
    Map<Platform, BaseResolution> bases = new LinkedHashMap<>();
    for (Platform platform : content.platforms()) {
      bases.put(platform, platform.equals(first) || firstBase.file().isEmpty() ? firstBase
          : BaseResolution.resolve(spec, platform, state, baseRegistries, log));
    }
    UpToDateCheck upToDate = new UpToDateCheck(content, String.join(",", bases.values().stream()
        .map(BaseResolution::identity).distinct().toList()), destination, state, log);
    Optional<BuiltImage> unchanged = upToDate.unchanged(destination, targetRegistries, target);
    if (unchanged.isPresent()) {
      return unchanged.get();
    }
    // A push of the same settings differs in its layers only: each platform's image of it gets
    // the changed layers swapped in, as for an image of one platform.
    // Platforms with runtimes of their own share all but that layer: each is built in full.
    Optional<LastBuild.Push> last = upToDate.toPatch(destination, spec.registries().offline())
        .filter(push -> push.platformDigests().size() == content.platforms().size())
        .filter(push -> !content.runtimePerPlatform());
    ImageBuilder.warmUp(last.isEmpty());
    Path layerCache = state.applicationLayers();
    Instant modified = content.timestamps().filesModificationTime();
    JibLayers ahead = JibLayers.start(layerCache, everyLayer(content), modified, log,
        last.map(push -> upToDate.unchangedLayers(push, layerCache)).orElse(Map.of()),
        last.isEmpty());
    Map<Platform, BaseContents> contents;
    try {
      contents = readBases(spec, state, bases, baseRegistries);
      for (Platform platform : content.platforms()) {
        ImageBuilder.checkBase(bases.get(platform).name() + " (" + platform + ")",
            contents.get(platform), content.forPlatform(platform));
      }
    } catch (ImageBuildException | InvalidConfigurationException | RuntimeException e) {
      ahead.cancel();
      throw e;
    }
    List<BuiltLayer> built = ahead.await();
    List<IndexPush.PlatformBuild> builds = new ArrayList<>();
    for (Platform platform : content.platforms()) {
      builds.add(new IndexPush.PlatformBuild(platform,
          bases.get(platform).jibBase(content.baseImage(), platform),
          PendingSbom.start(content.forPlatform(platform), contents.get(platform),
              state.jarHashes(),
              target.registry() + "/" + target.repository())));
    }
    IndexPush.BaseImages baseImages = baseImages(spec, firstBase, baseRegistries);
    if (destination != Destination.REGISTRY) {
      return TarExport.writeIndex(spec, target, jib, builds, baseCredentials, layerCache,
          baseImages, state.baseLayers(), firstBase.reference(), destination, log);
    }
    Optional<String> mountFrom = ImageBuilder.mountSource(spec, firstBase, target);
    RegistryClient repository =
        targetRegistries.push(target.registry(), target.repository(), mountFrom);
    List<String> tags = ImageBuilder.tags(target, content);
    if (last.isPresent()) {
      Optional<BuiltImage> patched = IndexPush.pushChanged(spec, target, last.get(), built,
          builds, repository, tags, firstBase.reference(), log);
      if (patched.isPresent()) {
        upToDate.remember(patched.get(), built);
        return patched.get();
      }
      // jib-core builds in full, and must find every layer in its cache, filed where it looks.
      built = JibLayers.start(layerCache, everyLayer(content), modified, log).await();
    }
    BuiltImage pushed = IndexPush.push(spec, target, jib, builds, baseCredentials, layerCache,
        baseImages, state.baseLayers(), repository, tags, mountFrom, firstBase.reference(), log);
    upToDate.remember(pushed, built);
    return pushed;
  }

  /**
   * Every layer of every platform's image that is not its base's: the application's, and each
   * platform's own runtime, when the build linked one per platform.
   */
  private static LayerPlan everyLayer(ImageContent content) {
    List<PlannedLayer> layers = new ArrayList<>(content.layers().layers());
    content.platformRuntimes().values().stream()
        .filter(runtime -> !content.layers().layers().contains(runtime))
        .forEach(layers::add);
    return new LayerPlan(layers, content.layers().classpath());
  }

  /**
   * A registry base's image per platform, read once each, for deriving the platforms' images
   * from the first's; none for a base from a file, or offline, or when each platform has a
   * runtime of its own (its image differs from the first's in more than its base).
   */
  private IndexPush.BaseImages baseImages(ImageSpec spec, BaseResolution base,
      Registries registries) {
    if (base.registryBase().isEmpty() || spec.registries().offline()
        || spec.content().runtimePerPlatform()) {
      return IndexPush.BaseImages.NONE;
    }
    ImageReference name = base.registryBase().get();
    Map<Platform, Optional<SiblingImage.Base>> read = new ConcurrentHashMap<>();
    return platform -> read.computeIfAbsent(platform, wanted -> {
      RegistryClient client = registries.pull(base.servedBy().orElse(name.registry()),
          name.repository());
      try {
        return Optional.of(BaseScan.imageOf(client, base.digest(), wanted));
      } catch (RegistryFailure | FormatException | InvalidConfigurationException e) {
        log.debug("Cannot read the base's " + wanted + " image from " + client.name() + " ("
            + e.getMessage() + "): jib-core builds that platform's image");
        return Optional.empty();
      }
    });
  }

  /**
   * What the base holds for each platform, read side by side (each platform's base layers are
   * pulled and scanned at once: downloads and decompression overlap on two cores).
   */
  private Map<Platform, BaseContents> readBases(ImageSpec spec, StateFiles state,
      Map<Platform, BaseResolution> bases, Registries registries)
      throws ImageBuildException, InvalidConfigurationException {
    List<Platform> platforms = List.copyOf(bases.keySet());
    List<SideBySide.Task<BaseContents>> scans = platforms.stream()
        .<SideBySide.Task<BaseContents>>map(platform -> () -> ImageBuilder.contents(spec,
            platform, state, bases.get(platform), registries, log))
        .toList();
    List<BaseContents> read = SideBySide.run("distroless-base-scan", "reading the base", scans);
    Map<Platform, BaseContents> contents = new LinkedHashMap<>();
    for (int i = 0; i < platforms.size(); i++) {
      contents.put(platforms.get(i), read.get(i));
    }
    return contents;
  }
}
