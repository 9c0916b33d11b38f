package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.ImageArchive;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.output.AtomicFiles;
import io.github.distrolessmaven.core.policy.BaseShells;
import io.github.distrolessmaven.core.sbom.ImageSbom;
import io.github.distrolessmaven.core.sbom.SbomSubject;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.LastBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The one place that drives jib-core: turns an {@link ImageSpec} into an image in a registry or a
 * docker-archive on disk.
 */
public final class JibImageBuilder {

  /** Where the built image goes. */
  public enum Destination {
    /** Push to the target's registry. */
    REGISTRY,
    /** Write a docker-archive to the spec's tar output path. */
    TAR
  }

  static final String TOOL_NAME = "distroless-maven-plugin";

  /** The file name tools give the SBOM when they fetch it from the registry. */
  static final String SBOM_TITLE = "sbom.cdx.json";

  private final BuildLog log;
  private final Consumer<LogEvent> jibLog;

  /** @param log receives progress per layer and Jib's warnings */
  public JibImageBuilder(BuildLog log) {
    this.log = log;
    this.jibLog = new JibLogBridge(log);
  }

  /**
   * Builds the image and puts it where {@code destination} says.
   *
   * @throws InvalidConfigurationException when a reference in the spec does not parse
   * @throws ImageBuildException when a registry, the cache or the file system fails
   */
  public BuiltImage build(ImageSpec spec, Destination destination)
      throws InvalidConfigurationException, ImageBuildException {
    ImageReference target = ImageReferences.parse(spec.targetImage(), Setting.TO_IMAGE);
    RegistryAccess targetAccess =
        new RegistryAccess(spec.targetCredentials(), spec.allowInsecureRegistries(), jibLog);
    BaseSelection base = BaseSelection.of(spec, log, jibLog);

    UpToDate upToDate = new UpToDate(spec, base.identity(), destination, log);
    if (destination == Destination.REGISTRY) {
      Optional<BuiltImage> unchanged = upToDate.confirmedIn(targetAccess, target);
      if (unchanged.isPresent()) {
        return unchanged.get();
      }
    }

    List<FileEntriesLayer> layers = JibContainerConfig.layers(spec);
    // Every app layer is built here, never by jib-core, so that its bytes (and the image's
    // digest) do not depend on what the caches held: jib-core compresses on one thread, this on
    // every core, and the two give other bytes. While the base's layers are read the app's are
    // built; nothing is pushed or written out before the base passes its checks.
    // A push made with the same settings as this one differs only in its layers: then only the
    // changed layers are built, and the image is pushed as that push with them swapped in.
    // Offline, nothing is pushed: jib-core says so.
    Optional<LastBuild.Push> last = destination == Destination.REGISTRY && !spec.offline()
        ? upToDate.lastWithSameSettings() : Optional.empty();
    // From here on a registry will be talked to; ready what that needs meanwhile.
    JibWarmUp.start(last.isEmpty());
    Path layerCache = applicationLayersCache(spec);
    ApplicationLayersAhead ahead = ApplicationLayersAhead.start(layerCache, layers, log,
        last.map(push -> upToDate.unchangedLayers(push, layerCache)).orElse(Map.of()),
        last.isEmpty());
    BaseContents contents;
    try {
      contents = base.contents(new BaseInspector(spec.baseLayersCache(), log));
      BaseShells.check(base.name(), contents.shells(), spec.allowShell());
    } catch (ImageBuildException | InvalidConfigurationException | RuntimeException e) {
      ahead.cancel();
      throw e;
    }
    List<ApplicationLayersAhead.Layer> built = ahead.await();
    // The SBOM's slow part (hashing every jar) runs while the image is pushed; only the image's
    // digest is added once it is known.
    CompletableFuture<ImageSbom> prepared = CompletableFuture.supplyAsync(() -> {
      try {
        return ImageSbom.prepare(spec.application(), spec.dependencies(), contents,
            spec.baseLayersCache().resolve("jar-hashes.properties"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Sbom sbom = digest -> awaitSbom(prepared).forImage(
        new SbomSubject(target.getRegistry() + "/" + target.getRepository(), digest),
        spec.timestamps().creationTime());

    if (last.isPresent()) {
      List<String> tags = tags(target, spec);
      Optional<IncrementalPush.Pushed> patched =
          new IncrementalPush(targetAccess.direct(target.getRegistry(), target.getRepository(),
              RegistryAccess.plainHttpMemory(spec.baseLayersCache())), log)
              .push(last.get(), built, tags);
      if (patched.isPresent()) {
        IncrementalPush.Pushed image = patched.get();
        BuiltImage pushed = attachSbom(target, image.digest(), image.imageId(), tags,
            base.reference(), served(image), targetAccess, sbom, spec);
        upToDate.remember(pushed, built);
        return pushed;
      }
      // jib-core builds in full, and must find every layer in its cache, filed where it looks.
      built = ApplicationLayersAhead.start(layerCache, layers, log).await();
    }
    JibContainerBuilder container = base.jibContainer();
    JibContainerConfig.apply(container, spec, layers, spec.baseImage(), base.digest());
    if (destination == Destination.TAR) {
      return buildTar(container, spec, target, base.reference(), sbom);
    }
    BuiltImage pushed = push(container, spec, target, base.reference(), targetAccess, sbom);
    upToDate.remember(pushed, built);
    return pushed;
  }

  /** The target's tag and every additional one, each once, sorted as jib-core's are. */
  private static List<String> tags(ImageReference target, ImageSpec spec) {
    Set<String> tags = new TreeSet<>(spec.additionalTags());
    tags.add(target.getQualifier());
    return List.copyOf(tags);
  }

  private static ReferrerPush.ServedImage served(IncrementalPush.Pushed image) {
    try {
      return ReferrerPush.ServedImage.of(image.manifest(), image.digest());
    } catch (IOException e) {
      throw new IllegalStateException("the manifest was written here", e);
    }
  }

  private static ImageSbom awaitSbom(CompletableFuture<ImageSbom> prepared) throws IOException {
    try {
      return prepared.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException) {
        throw ((UncheckedIOException) e.getCause()).getCause();
      }
      throw e;
    }
  }

  /** The SBOM of the image with the given digest. */
  @FunctionalInterface
  private interface Sbom {
    byte[] of(String digest) throws IOException;
  }

  private BuiltImage buildTar(
      JibContainerBuilder container, ImageSpec spec, ImageReference target, String base, Sbom sbom)
      throws ImageBuildException {
    Path tar = spec.outputs().tar();
    Path jibArchive = null;
    Path combined = null;
    try {
      jibArchive = AtomicFiles.temporarySibling(tar);
      JibContainer result = containerize(
          container, Containerizer.to(TarImage.at(jibArchive).named(target)), spec, "writing " + tar);
      List<String> tags = new ArrayList<>();
      tags.add(target.getQualifier());
      spec.additionalTags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
      List<String> references = new ArrayList<>();
      // With the qualifier always: Jib leaves ":latest" out of toString(), and docker-archive needs it.
      tags.forEach(tag -> references.add(target.withQualifier(tag).toStringWithQualifier()));
      combined = AtomicFiles.temporarySibling(tar);
      byte[] document = sbom.of(result.getDigest().toString());
      long size = ImageArchive.rewrite(jibArchive, combined, references,
          result.getDigest().toString(), subject -> sbomArtifact(document, subject, spec));
      AtomicFiles.commit(combined, tar);
      return new BuiltImage(target.toString(), result.getDigest().toString(),
          result.getImageId().toString(), tags, base, size, document, "the archive", false);
    } catch (IOException e) {
      throw new ImageBuildException("Writing " + tar + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(jibArchive);
      deleteQuietly(combined);
    }
  }

  private BuiltImage push(
      JibContainerBuilder container,
      ImageSpec spec,
      ImageReference target,
      String base,
      RegistryAccess targetAccess,
      Sbom sbom)
      throws ImageBuildException {
    Containerizer containerizer = Containerizer.to(targetAccess.image(target));
    spec.additionalTags().forEach(containerizer::withAdditionalTag);
    JibContainer result = containerize(container, containerizer, spec, "pushing " + target);
    List<String> tags = new ArrayList<>(result.getTags());
    tags.sort(null);
    String digest = result.getDigest().toString();
    ReferrerPush.ServedImage served =
        new ReferrerPush(targetAccess, null).served(target, digest);
    return attachSbom(target, digest, result.getImageId().toString(), tags, base, served,
        targetAccess, sbom, spec);
  }

  /** Attaches the SBOM of the pushed image to it. */
  private static BuiltImage attachSbom(ImageReference target, String digest, String imageId,
      List<String> tags, String base, ReferrerPush.ServedImage served, RegistryAccess targetAccess,
      Sbom sbom, ImageSpec spec) throws ImageBuildException {
    byte[] document;
    try {
      document = sbom.of(digest);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write the SBOM: " + e.getMessage(), e);
    }
    String attached = new ReferrerPush(targetAccess,
        RegistryAccess.plainHttpMemory(spec.baseLayersCache())).attach(
        target, served.manifest(), sbomArtifact(document, served.manifest(), spec));
    return new BuiltImage(target.toString(), digest, imageId, tags, base, served.size(), document,
        attached, false);
  }

  private JibContainer containerize(
      JibContainerBuilder container, Containerizer containerizer, ImageSpec spec, String subject)
      throws ImageBuildException {
    containerizer
        .setToolName(TOOL_NAME)
        .setAllowInsecureRegistries(spec.allowInsecureRegistries())
        .setOfflineMode(spec.offline())
        .setBaseImageLayersCache(spec.baseLayersCache())
        .setApplicationLayersCache(applicationLayersCache(spec))
        .addEventHandler(LogEvent.class, jibLog);
    for (Map.Entry<String, List<String>> mirror : spec.registryMirrors().entrySet()) {
      containerizer.addRegistryMirrors(mirror.getKey(), mirror.getValue());
    }
    try {
      return container.containerize(containerizer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while " + subject, e);
    } catch (CacheDirectoryCreationException e) {
      throw new ImageBuildException("Cannot create the layer cache (" + e.getMessage()
          + "). Check that " + spec.baseLayersCache() + " and " + spec.applicationLayersCache()
          + " are writable.", e);
    } catch (RegistryException | IOException | ExecutionException e) {
      throw JibFailures.describe(e, subject.substring(0, 1).toUpperCase() + subject.substring(1));
    }
  }

  private static ReferrerArtifact sbomArtifact(byte[] sbom, Descriptor subject, ImageSpec spec) {
    return ReferrerArtifact.of(ImageSbom.MEDIA_TYPE, sbom, SBOM_TITLE, subject,
        spec.timestamps().creationTime().toString());
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The temporary file is hidden and named .partial; a leftover one harms nothing.
    }
  }

  /**
   * jib-core's cache of the app's layers, in a folder of its own: every layer there was written
   * by {@link ApplicationLayersAhead}, none by jib-core (as older versions of this plugin let it),
   * whose bytes for the same files differ.
   */
  private static Path applicationLayersCache(ImageSpec spec) {
    return spec.applicationLayersCache().resolve("app-layers");
  }
}
