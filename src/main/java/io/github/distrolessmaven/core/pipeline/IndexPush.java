package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.jib.SiblingImage;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.push.ImageUpload;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.LastBuild;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The push of an image for several platforms: per platform, jib-core assembles the image on the
 * base's image for that platform, with the same application layers (built once, so their digests
 * are the same and each is sent once), and it is pushed by digest with its SBOM attached; then
 * an image index ({@code OCI}) or manifest list ({@code Docker}) of them goes under every tag.
 * A tag moves only once every platform's image is whole in the registry. A rebuild that changed
 * only what the application layers hold swaps them into each platform's image of the last push
 * instead ({@link #pushChanged}).
 */
final class IndexPush {

  /**
   * One platform's part of the build.
   *
   * @param platform what it is built for, as the index names it
   * @param base the base as jib-core takes it, for that platform
   * @param sbom that platform's SBOM, in preparation
   */
  record PlatformBuild(Platform platform, JibBuild.Base base, PendingSbom sbom) {}

  private IndexPush() {}

  /**
   * One platform's image, pushed by digest, with its SBOM attached.
   *
   * @param image its descriptor in the index
   * @param sbom its SBOM
   * @param attached where the SBOM was attached, for the log
   */
  private record Pushed(BuiltImage.PlatformImage built, Descriptor image, byte[] manifest,
      byte[] sbom, String attached) {}

  /**
   * Builds each platform's image with jib-core and pushes it with its SBOM as soon as it is
   * written, the platforms side by side (a blob they share is sent once), then the index.
   *
   * @param builds one per platform, in the order the index lists them
   * @param bases the base's image per platform, to derive the other platforms' images from
   *     the first's
   * @param baseLayersCache jib-core's base-layer cache
   * @param repository a client that may push to the target repository, and pull from {@code
   *     mountFrom}
   * @param tags every tag to point at the index
   * @param baseReference the base, pinned, for the result
   */
  static BuiltImage push(ImageSpec spec, ImageReference target, JibBuild jib,
      List<PlatformBuild> builds, JibCredentials baseCredentials, Path appLayersCache,
      BaseImages bases, Path baseLayersCache, RegistryClient repository, List<String> tags,
      Optional<String> mountFrom, String baseReference, BuildLog log)
      throws ImageBuildException {
    ImageUpload upload = new ImageUpload(repository, log);
    List<Pushed> pushed;
    try (Assembly assembly = new Assembly(spec, jib, builds, baseCredentials, appLayersCache,
        bases, baseLayersCache, log)) {
      List<SideBySide.Task<Pushed>> tasks = new ArrayList<>();
      for (int i = 0; i < builds.size(); i++) {
        int index = i;
        PlatformBuild build = builds.get(i);
        tasks.add(() -> {
          ArchivedImage image = assembly.image(index);
          upload.push(image, target, List.of(), mountFrom);
          return withSbom(spec, repository, build, image.manifestBytes(),
              image.blobs().get(0).digest());
        });
      }
      pushed = sideBySide(tasks);
    }
    return index(spec, target, upload, pushed, tags, baseReference);
  }

  /**
   * The base's image for a platform, for deriving one platform's image from another's ({@link
   * SiblingImage}); empty where it cannot be read (a base from a file, a registry that does not
   * answer), and jib-core builds that platform's image itself.
   */
  @FunctionalInterface
  interface BaseImages {
    Optional<SiblingImage.Base> of(Platform platform);

    /** No base is read: jib-core builds every platform's image. */
    BaseImages NONE = platform -> Optional.empty();
  }

  /**
   * The assembly of every platform's image, two at a time: jib-core builds the first platform's
   * into a hidden archive, and each other platform's is derived from it ({@link SiblingImage})
   * where the bases differ only in their platform, else built by jib-core too. Closing it stops
   * what is still running, closes every image and deletes every archive.
   */
  static final class Assembly implements AutoCloseable {

    private final ExecutorService pool;
    private final List<Future<ArchivedImage>> assembling = new ArrayList<>();
    private final List<Path> archives = new CopyOnWriteArrayList<>();
    private final List<JibArchive> opened = new CopyOnWriteArrayList<>();
    private final List<PlatformBuild> builds;
    private final ImageSpec spec;
    private final JibBuild jib;
    private final JibCredentials baseCredentials;
    private final Path appLayersCache;
    private final BaseImages bases;
    private final Path baseLayersCache;
    private final BuildLog log;

    /**
     * @param bases the base's image per platform, for deriving
     * @param baseLayersCache jib-core's base-layer cache, where a derived image's base layers
     *     are read
     */
    Assembly(ImageSpec spec, JibBuild jib, List<PlatformBuild> builds,
        JibCredentials baseCredentials, Path appLayersCache, BaseImages bases,
        Path baseLayersCache, BuildLog log) {
      this.builds = builds;
      this.spec = spec;
      this.jib = jib;
      this.baseCredentials = baseCredentials;
      this.appLayersCache = appLayersCache;
      this.bases = bases;
      this.baseLayersCache = baseLayersCache;
      this.log = log;
      this.pool = SideBySide.threads("distroless-platform-image", builds.size());
      for (int i = 0; i < builds.size(); i++) {
        int index = i;
        assembling.add(pool.submit(() -> {
          Optional<ArchivedImage> derived =
              index == 0 ? Optional.empty() : derived(builds.get(index));
          return derived.isPresent() ? derived.get() : built(builds.get(index));
        }));
      }
    }

    /** jib-core's image for {@code build}'s platform. */
    private ArchivedImage built(PlatformBuild build) throws ImageBuildException, IOException {
      log.info("Building for " + build.platform());
      Path archive;
      try {
        archive = AtomicFiles.temporarySibling(spec.outputs().tar());
      } catch (IOException e) {
        throw new ImageBuildException("Cannot create a file beside " + spec.outputs().tar()
            + ": " + e.getMessage(), e);
      }
      archives.add(archive);
      JibArchive image = jib.tar(spec.forPlatform(build.platform()), build.base(),
          baseCredentials, archive, appLayersCache).open();
      opened.add(image);
      return image;
    }

    /** {@code build}'s image derived from the first platform's, where it can be. */
    private Optional<ArchivedImage> derived(PlatformBuild build) throws ImageBuildException {
      PlatformBuild first = builds.get(0);
      Optional<SiblingImage.Base> firstBase = bases.of(first.platform());
      Optional<SiblingImage.Base> base = bases.of(build.platform());
      if (firstBase.isEmpty() || base.isEmpty()) {
        return Optional.empty();
      }
      ArchivedImage built = image(0);
      try {
        SiblingImage image = SiblingImage.derive(built, firstBase.get(), base.get(),
            build.platform(), baseLayersCache);
        log.info("Building for " + build.platform() + ", from the " + first.platform()
            + " image");
        return Optional.of(image);
      } catch (SiblingImage.NotDerivable e) {
        log.debug("jib-core builds the " + build.platform() + " image: " + e.getMessage());
        return Optional.empty();
      } catch (IOException e) {
        throw new ImageBuildException("Reading the " + first.platform() + " image to build the "
            + build.platform() + " one failed: " + e.getMessage(), e);
      }
    }

    /**
     * The image of the {@code index}th build's platform, once written; it stays open until
     * the assembly is closed.
     */
    ArchivedImage image(int index) throws ImageBuildException {
      try {
        return SideBySide.result(assembling.get(index), "building for "
            + builds.get(index).platform());
      } catch (InvalidConfigurationException e) {
        throw new IllegalStateException("jib-core's assembly checks no setting", e);
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (JibArchive image : opened) {
        try {
          image.close();
        } catch (ArchiveException e) {
          // Read whole already, or failing for a better reason; the file goes next.
        }
      }
      archives.forEach(AtomicFiles::deleteQuietly);
    }
  }

  /**
   * Pushes a rebuild whose only change since the last push of the index is in what its
   * application layers hold: each platform's image of the last push with the new layers swapped
   * in ({@link IncrementalPush}), side by side (a changed layer is sent once), then the new
   * index.
   *
   * @param last the last push, an index of the same platforms, built with the same settings
   * @param layers every non-empty application layer, in image order, built into the cache
   * @return empty when some platform's image is left to a full build, with the reason logged
   */
  static Optional<BuiltImage> pushChanged(ImageSpec spec, ImageReference target,
      LastBuild.Push last, List<BuiltLayer> layers, List<PlatformBuild> builds,
      RegistryClient repository, List<String> tags, String baseReference, BuildLog log)
      throws ImageBuildException {
    if (last.platformDigests().size() != builds.size()) {
      log.info("Building in full: the last push, " + last.digest() + ", is not an index of "
          + builds.size() + " platforms");
      return Optional.empty();
    }
    ImageUpload upload = new ImageUpload(repository, log);
    List<SideBySide.Task<Optional<Pushed>>> tasks = new ArrayList<>();
    for (int i = 0; i < builds.size(); i++) {
      LastBuild.Push platformLast = last.platform(i);
      PlatformBuild build = builds.get(i);
      tasks.add(() -> {
        Optional<IncrementalPush.Pushed> image = new IncrementalPush(repository, upload, log)
            .push(platformLast, layers, target, List.of());
        // A platform's image pushed while another's is left to a full build is the one the
        // full build pushes: its SBOM is found attached already.
        return image.isEmpty() ? Optional.empty() : Optional.of(withSbom(spec, repository,
            build, image.get().manifest(), image.get().imageId()));
      });
    }
    List<Pushed> pushed = new ArrayList<>();
    for (Optional<Pushed> image : sideBySide(tasks)) {
      if (image.isEmpty()) {
        return Optional.empty();
      }
      pushed.add(image.get());
    }
    return Optional.of(index(spec, target, upload, pushed, tags, baseReference));
  }

  /** Each task's result, run side by side, in the tasks' order. */
  private static <T> List<T> sideBySide(List<SideBySide.Task<T>> tasks)
      throws ImageBuildException {
    try {
      return SideBySide.run("distroless-platform-push", "pushing the platforms' images", tasks);
    } catch (InvalidConfigurationException e) {
      throw new IllegalStateException("a push checks no setting", e);
    }
  }

  /** Attaches the SBOM of {@code build}'s platform to its image, pushed as {@code manifest}. */
  private static Pushed withSbom(ImageSpec spec, RegistryClient repository,
      PlatformBuild build, byte[] manifest, String imageId) throws ImageBuildException {
    String digest = Sha256.of(manifest);
    SbomAttachment.ServedImage served;
    try {
      served = SbomAttachment.ServedImage.of(manifest, digest);
    } catch (FormatException e) {
      throw new IllegalStateException("the manifest was pushed as it is", e);
    }
    byte[] sbom = build.sbom().forImage(digest);
    String attached = SbomAttachment.attach(repository, served.manifest(), sbom,
        spec.content().timestamps().creationTime().toString());
    return new Pushed(new BuiltImage.PlatformImage(build.platform().toString(), digest, imageId,
        served.size()), served.manifest().withPlatform(build.platform()), manifest, sbom,
        build.platform() + ": " + attached);
  }

  /** Puts the index of the platforms' images by digest and under every tag. */
  private static BuiltImage index(ImageSpec spec, ImageReference target, ImageUpload upload,
      List<Pushed> pushed, List<String> tags, String baseReference)
      throws ImageBuildException {
    Map<String, Long> blobs = new LinkedHashMap<>();
    for (Pushed image : pushed) {
      try {
        ImageManifest manifest = ImageManifest.parse(image.manifest(), "the manifest "
            + image.image().digest());
        blobs.put(manifest.config().digest(), manifest.config().size());
        manifest.layers().forEach(layer -> blobs.put(layer.digest(), layer.size()));
      } catch (FormatException e) {
        throw new IllegalStateException("the manifest was pushed as it is", e);
      }
    }
    String mediaType = indexMediaType(spec);
    byte[] index = ImageIndex.write(mediaType, pushed.stream().map(Pushed::image).toList());
    upload.manifest(index, mediaType, target, tags);
    long size = blobs.values().stream().mapToLong(Long::longValue).sum();
    return new BuiltImage(target.toString(), Sha256.of(index), pushed.get(0).built().imageId(),
        tags, baseReference, size, pushed.get(0).sbom(), "each platform's image ("
            + String.join("; ", pushed.stream().map(Pushed::attached).toList()) + ")", false,
        pushed.stream().map(Pushed::built).toList());
  }

  /** An OCI image index for the OCI format, a Docker manifest list for Docker's. */
  static String indexMediaType(ImageSpec spec) {
    return spec.content().format() == ImageFormat.OCI
        ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST;
  }

}
