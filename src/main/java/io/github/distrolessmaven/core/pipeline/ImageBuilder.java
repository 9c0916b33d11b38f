package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.JavaRuntime;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.jib.JibLayers;
import io.github.distrolessmaven.core.jib.JibWarmUp;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.policy.BaseShells;
import io.github.distrolessmaven.core.policy.EntrypointCheck;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.BaseContentsMemory;
import io.github.distrolessmaven.core.state.LastBuild;
import io.github.distrolessmaven.core.state.StateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds an image from an {@link ImageSpec}, step by step: the base is resolved
 * ({@link BaseResolution}); a push that would change nothing stops there ({@link
 * UpToDateCheck}); the application's layers are built while the base is read ({@link JibLayers},
 * {@link BaseScan}) and checked ({@link BaseShells}); then the image goes to the registry, by
 * swapping the changed layers into the last push ({@link IncrementalPush}) or as jib-core
 * assembles it ({@link FullPush}), with its SBOM attached ({@link SbomAttachment}), or into an
 * archive ({@link TarExport}). Several platforms are built as one image index ({@link
 * IndexBuild}).
 */
public final class ImageBuilder {

  private final BuildLog log;

  /** @param log receives progress per layer and every warning */
  public ImageBuilder(BuildLog log) {
    this.log = log;
  }

  /**
   * Builds the image and puts it where {@code destination} says.
   *
   * @throws InvalidConfigurationException when the base is refused by a policy or its file is
   *     not usable
   * @throws ImageBuildException when a registry, the cache or the file system fails
   */
  public BuiltImage build(ImageSpec spec, Destination destination)
      throws InvalidConfigurationException, ImageBuildException {
    ImageContent content = spec.content();
    if (destination == Destination.ENGINE) {
      // Before any work: a build with nowhere to go says so at once.
      ArchiveSink.connect();
    }
    StateFiles state = new StateFiles(spec.storage());
    int leftovers = state.removeLeftovers(Instant.now());
    if (leftovers > 0) {
      log.info("Removed " + leftovers + " leftover" + (leftovers == 1 ? "" : "s")
          + " of an interrupted build");
    }
    JibBuild jib = new JibBuild(log);
    ImageReference target = ImageReferences.parse(content.targetImage(), Setting.TO_IMAGE);
    JibCredentials baseCredentials =
        new JibCredentials(spec.registries().baseCredentials(), log);
    JibCredentials targetCredentials =
        new JibCredentials(spec.registries().targetCredentials(), log);
    boolean insecure = spec.registries().allowInsecureRegistries();
    Registries baseRegistries =
        new Registries(insecure, baseCredentials, state.plainHttpRegistries(), log);
    Registries targetRegistries =
        new Registries(insecure, targetCredentials, state.plainHttpRegistries(), log);

    if (content.platforms().size() > 1) {
      return new IndexBuild(log).build(spec, destination, state, target, jib, baseCredentials,
          baseRegistries, targetRegistries);
    }
    Platform platform = content.platforms().get(0);
    BaseResolution base = BaseResolution.resolve(spec, platform, state, baseRegistries, log);
    UpToDateCheck upToDate =
        new UpToDateCheck(content, base.identity(), destination, state, log);
    Optional<BuiltImage> unchanged = upToDate.unchanged(destination, targetRegistries, target);
    if (unchanged.isPresent()) {
      return unchanged.get();
    }

    // Every app layer is built here, never by jib-core, so that its bytes (and the image's
    // digest) do not depend on what the caches held. While the base's layers are read the app's
    // are built; nothing is pushed or written out before the base passes its checks. A push
    // made with the same settings as this one differs only in its layers: then only the changed
    // layers are built, and the image is pushed as that push with them swapped in. Offline,
    // nothing is pushed: jib-core says so.
    Optional<LastBuild.Push> last =
        upToDate.toPatch(destination, spec.registries().offline());
    warmUp(last.isEmpty());
    Path layerCache = state.applicationLayers();
    Instant modified = content.timestamps().filesModificationTime();
    JibLayers ahead = JibLayers.start(layerCache, content.layers(), modified, log,
        last.map(push -> upToDate.unchangedLayers(push, layerCache)).orElse(Map.of()),
        last.isEmpty());
    BaseContents contents;
    try {
      contents = contents(spec, platform, state, base, baseRegistries, log);
      checkBase(base.name(), contents, content);
      warnOfTwoRuntimes(base.name(), contents, content);
    } catch (ImageBuildException | InvalidConfigurationException | RuntimeException e) {
      ahead.cancel();
      throw e;
    }
    List<BuiltLayer> built = ahead.await();
    PendingSbom sbom = PendingSbom.start(content, contents, state.jarHashes(),
        target.registry() + "/" + target.repository());
    JibBuild.Base jibBase = base.jibBase(content.baseImage(), platform);

    if (destination != Destination.REGISTRY) {
      return TarExport.write(spec, destination, target, jib, jibBase, baseCredentials,
          layerCache, base.reference(), sbom, log);
    }
    List<String> tags = tags(target, content);
    Optional<String> mountFrom = mountSource(spec, base, target);
    RegistryClient repository =
        targetRegistries.push(target.registry(), target.repository(), mountFrom);
    if (last.isPresent()) {
      Optional<IncrementalPush.Pushed> patched =
          new IncrementalPush(repository, log).push(last.get(), built, target, tags);
      if (patched.isPresent()) {
        IncrementalPush.Pushed image = patched.get();
        BuiltImage pushed = attachSbom(repository, target, image.digest(), image.imageId(), tags,
            base.reference(), served(image), sbom, content);
        upToDate.remember(pushed, built);
        return pushed;
      }
      // jib-core builds in full, and must find every layer in its cache, filed where it looks.
      built = JibLayers.start(layerCache, content.layers(), modified, log).await();
    }
    FullPush.Pushed result = FullPush.push(spec, target, jib, jibBase, baseCredentials,
        layerCache, repository, tags, mountFrom, log);
    BuiltImage pushed = attachSbom(repository, target, result.digest(), result.imageId(), tags,
        base.reference(), result.served(), sbom, content);
    upToDate.remember(pushed, built);
    return pushed;
  }

  private static SbomAttachment.ServedImage served(IncrementalPush.Pushed image) {
    try {
      return SbomAttachment.ServedImage.of(image.manifest(), image.digest());
    } catch (FormatException e) {
      throw new IllegalStateException("the manifest was written here", e);
    }
  }

  /** A linked runtime on a base that has one of its own: the base's is never used. */
  private void warnOfTwoRuntimes(String name, BaseContents contents, ImageContent content) {
    if (content.layers().linkedRuntime().isPresent() && !contents.javaRuntimes().isEmpty()) {
      log.warn("The base " + name + " has a Java runtime of its own ("
          + String.join(", ", contents.javaRuntimes().stream().map(JavaRuntime::home).toList())
          + ") besides the one linked with jlink: two runtimes, the base's never used. Build on "
          + "gcr.io/distroless/java-base-debian13 (" + Setting.FROM_IMAGE.element() + "), or"
          + " leave " + Setting.JLINK_ENABLED.element() + " off.");
    }
  }

  /**
   * The hardening rules a base must pass before anything is built on it: no shell, unless
   * allowed, and an entrypoint that leads to an executable with the application over it.
   *
   * @param name the base as messages name it
   */
  static void checkBase(String name, BaseContents contents, ImageContent content)
      throws InvalidConfigurationException, ImageBuildException {
    BaseShells.check(name, contents.shells(), content.allowShell());
    EntrypointCheck.check(content.entrypoint(), name,
        contents.executables().with(executables(content.layers()), links(content.layers())),
        EntrypointCheck.pathOf(content.environment()));
  }

  /** What the base holds for the platform: read once per base and platform, remembered. */
  static BaseContents contents(ImageSpec spec, Platform platform, StateFiles state,
      BaseResolution base, Registries registries, BuildLog log)
      throws ImageBuildException, InvalidConfigurationException {
    BaseScan scan =
        new BaseScan(state.baseLayers(), new BaseContentsMemory(state.baseContents()), log);
    if (base.file().isPresent()) {
      return scan.of(base.file().get());
    }
    ImageReference name = base.registryBase().orElseThrow();
    return scan.of(name, base.digest(), platform,
        spec.registries().registriesFor(name.registry()),
        registries, spec.registries().offline());
  }

  /** The application's files, by path in the image, and whether each is executable. */
  private static Map<String, Boolean> executables(LayerPlan layers) {
    Map<String, Boolean> files = new HashMap<>();
    for (PlannedLayer layer : layers.layers()) {
      for (PlannedFile file : layer.files()) {
        if (!Files.isSymbolicLink(file.source()) && !Files.isDirectory(file.source())) {
          files.put(file.target(), (file.mode() & 0111) != 0);
        }
      }
    }
    return files;
  }

  /** The application's symbolic links, by path in the image, to their targets as written. */
  private static Map<String, String> links(LayerPlan layers) throws ImageBuildException {
    Map<String, String> links = new HashMap<>();
    for (PlannedLayer layer : layers.layers()) {
      for (PlannedFile file : layer.files()) {
        if (Files.isSymbolicLink(file.source())) {
          try {
            links.put(file.target(), Files.readSymbolicLink(file.source()).toString());
          } catch (java.io.IOException e) {
            throw new ImageBuildException("Cannot read the link " + file.source() + ": "
                + e.getMessage(), e);
          }
        }
      }
    }
    return links;
  }

  /** Attaches the SBOM of the pushed image to it. */
  private static BuiltImage attachSbom(RegistryClient repository, ImageReference target,
      String digest, String imageId, List<String> tags, String baseReference,
      SbomAttachment.ServedImage served, PendingSbom sbom, ImageContent content)
      throws ImageBuildException {
    byte[] document = sbom.forImage(digest);
    String attached = SbomAttachment.attach(repository, served.manifest(), document,
        content.timestamps().creationTime().toString());
    return new BuiltImage(target.toString(), digest, imageId, tags, baseReference, served.size(),
        document, attached, false);
  }

  /**
   * The base's repository, when the target's registry serves the base (as itself or as its
   * mirror): its layers are then mounted into the target repository rather than uploaded.
   */
  static Optional<String> mountSource(ImageSpec spec, BaseResolution base,
      ImageReference target) {
    return base.registryBase()
        .filter(name -> spec.registries().registriesFor(name.registry())
            .contains(target.registry()))
        .map(ImageReference::repository)
        .filter(repository -> !repository.equals(target.repository()));
  }

  /** The target's tag and every additional one, each once, sorted as jib-core's are. */
  static List<String> tags(ImageReference target, ImageContent content) {
    Set<String> tags = new TreeSet<>(content.additionalTags());
    tags.add(target.qualifier());
    return List.copyOf(tags);
  }

  /**
   * Readies, on a spare thread, what the first requests will need while the build does other
   * work: for jib-core, its JSON mapping and TLS; for the plugin's own push, the JSON tree model
   * it reads and writes, leaving the spare core to compressing layers.
   */
  static void warmUp(boolean jibCore) {
    Thread thread = new Thread(() -> {
      if (jibCore) {
        JibWarmUp.run();
        Registries.warmUpTls();
      } else {
        Json.warmUp();
      }
    }, "distroless-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
