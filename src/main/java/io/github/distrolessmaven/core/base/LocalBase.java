package io.github.distrolessmaven.core.base;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.DockerArchiveReader;
import io.github.distrolessmaven.core.archive.DockerArchiveWriter;
import io.github.distrolessmaven.core.archive.ImageFiles;
import io.github.distrolessmaven.core.archive.LayoutDirectory;
import io.github.distrolessmaven.core.archive.LayoutImage;
import io.github.distrolessmaven.core.archive.LayoutReader;
import io.github.distrolessmaven.core.archive.TarEntries;
import io.github.distrolessmaven.core.base.LocalReference.Kind;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageConfig;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A base image on disk instead of in a registry: {@code tar:///abs/file.tar}, a docker-archive or
 * an OCI archive told apart by content, or {@code oci:///abs/dir[:ref]}, an OCI image layout
 * directory; either path may be relative to the project ({@code tar://base.tar}), as in Jib. jib-core reads only docker-archives as a base, so OCI inputs are rewritten as one
 * under a work directory, once per image manifest.
 *
 * <p>An archive holding both {@code manifest.json} and {@code index.json}, as {@code docker
 * save} writes since Docker 25, is read as a docker-archive.
 */
public final class LocalBase {

  /** An index inside an index inside index.json is as deep as real images go; stop cycles. */
  private static final int MAX_INDEX_DEPTH = 3;

  private LocalBase() {}

  /**
   * True for references starting with {@code tar:/} or {@code oci:/}, and for skopeo's
   * {@code oci-archive:/} and {@code docker-archive:/}, none of which is a registry reference;
   * {@link #checkSyntax} then tells the user how to write the latter two.
   */
  public static boolean isLocal(String reference) {
    return LocalReference.isLocal(reference);
  }

  /**
   * Checks the reference's form (scheme, path, non-empty ref) and that its file or directory
   * exists. Reads nothing.
   *
   * @param baseDirectory the project's folder, which a relative path is read from
   * @throws InvalidConfigurationException naming the base image setting and the correct spelling
   */
  public static void checkSyntax(String reference, Path baseDirectory)
      throws InvalidConfigurationException {
    LocalReference.parse(reference, baseDirectory);
  }

  /**
   * Reads and checks the base and returns a docker-archive of it for jib-core.
   *
   * <p>A docker-archive is checked and used where it is. An OCI archive or layout is written as a
   * docker-archive under {@code workDirectory}, named by the image manifest's digest: a later
   * build of the same image reuses it without copying. The manifest and config are verified
   * against their digests on every call; each layer when it is copied. Nothing is written when
   * a check fails.
   *
   * @param baseDirectory the project's folder, which a relative path is read from
   * @param workDirectory where docker-archives of OCI inputs are kept; created when needed
   * @param platform the platform the built image is for: a base for another platform is
   *     refused, and from an index the entry for this platform is picked
   * @throws InvalidConfigurationException for a reference that is wrong, names no image archive,
   *     an image for another platform, or several images without saying which
   * @throws ImageBuildException when the file cannot be read or written, or is truncated or
   *     corrupt; the message names the file
   */
  public static PreparedBase prepare(String reference, Path baseDirectory, Path workDirectory,
      Platform platform) throws InvalidConfigurationException, ImageBuildException {
    LocalReference parsed = LocalReference.parse(reference, baseDirectory);
    try {
      if (parsed.kind() == Kind.OCI_LAYOUT) {
        return prepareLayout(parsed, workDirectory, platform);
      }
      try (TarEntries tar = openTar(parsed.path())) {
        if (tar.contains("manifest.json")) {
          return dockerArchive(tar, platform);
        }
        if (tar.contains("index.json") || tar.contains("oci-layout")) {
          Path path = parsed.path();
          LayoutImage image = readLayout(new LayoutReader(tar, "the OCI archive " + path),
              Optional.empty(), "A tar:// base must hold one image: extract the archive (mkdir DIR"
                  + " && tar -xf " + path + " -C DIR) and name one as oci://DIR:REF.",
              "oci-archive:" + path, platform);
          return write(tar, image, workDirectory, "OCI archive " + path);
        }
        throw ArchiveException.unusable(parsed.path() + " is a tar archive but no image archive:"
            + " it holds neither manifest.json (docker-archive) nor oci-layout and index.json (OCI"
            + " archive). Write it with docker save IMAGE -o FILE or skopeo copy docker://IMAGE"
            + " oci-archive:FILE.");
      }
    } catch (ArchiveException e) {
      if (e.kind() == ArchiveException.Kind.UNUSABLE) {
        throw invalid(e.getMessage());
      }
      throw new ImageBuildException(e.getMessage(), e);
    }
  }

  /** The archive, its problems told the way a base's are fixed. */
  private static TarEntries openTar(Path path) throws ArchiveException {
    try {
      return TarEntries.open(path);
    } catch (ArchiveException e) {
      if (e.kind() == ArchiveException.Kind.UNUSABLE) {
        throw ArchiveException.unusable(e.getMessage() + ". tar:// names a docker-archive (docker"
            + " save, skopeo copy ... docker-archive:FILE) or an OCI archive (skopeo copy ..."
            + " oci-archive:FILE).");
      }
      if (e.kind() == ArchiveException.Kind.DAMAGED) {
        throw ArchiveException.damaged(e.getMessage() + ". Write it again, e.g. with docker save"
            + " or skopeo copy, and check that the copy finished.", e);
      }
      throw e;
    }
  }

  private static PreparedBase prepareLayout(
      LocalReference reference, Path workDirectory, Platform platform)
      throws ArchiveException, InvalidConfigurationException {
    Path directory = reference.path();
    if (!Files.exists(directory.resolve("oci-layout"))
        && !Files.exists(directory.resolve("index.json"))) {
      throw invalid(
          directory + " is not an OCI image layout: it holds neither oci-layout nor index.json."
              + " Point oci:// at the directory that skopeo copy docker://IMAGE oci:DIR:REF"
              + " wrote.");
    }
    try (LayoutDirectory layout = new LayoutDirectory(directory)) {
      LayoutImage image = readLayout(new LayoutReader(layout, "the OCI layout " + directory),
          reference.refName(), "Name one as oci://" + directory + ":REF.",
          "oci:" + directory + reference.refName().map(ref -> ":" + ref).orElse(""), platform);
      return write(layout, image, workDirectory, "OCI layout " + directory);
    }
  }

  /** A docker-archive: checked, and used where it is. */
  private static PreparedBase dockerArchive(TarEntries tar, Platform platform)
      throws ArchiveException {
    DockerArchiveReader reader = new DockerArchiveReader(tar);
    List<DockerArchiveReader.Image> images = reader.images();
    if (images.size() > 1) {
      throw severalImages(tar.location(), images);
    }
    DockerArchiveReader.Image image = images.get(0);
    String base = "the docker-archive " + tar.location();
    // Layers are checked for presence and compression but not hashed: they are not copied, and
    // a docker-archive's layers are usually uncompressed, so checking them would mean hashing
    // the whole archive on every build. jib-core reads them once anyway.
    byte[] configBytes = reader.config(image);
    ImageConfig config = config(configBytes, tar.where(image.config()));
    requirePlatform(config, platform, base);
    reader.requireLayers(image);
    requireLayerCount(config, image.layers().size(), tar.where(image.config()),
        tar.where("manifest.json"));
    LayerCompressions.requireReadable(
        tar, image.layers(), base, "docker-archive:" + tar.location());
    String description = "docker-archive " + tar.location()
        + (image.repoTags().isEmpty() ? "" : " (" + image.repoTags().get(0) + ")");
    return new PreparedBase(tar.location(), description, Optional.empty(), Sha256.of(configBytes));
  }

  private static ArchiveException severalImages(Path tar, List<DockerArchiveReader.Image> images) {
    List<String> names = new ArrayList<>();
    for (DockerArchiveReader.Image image : images) {
      names.add(image.repoTags().isEmpty()
          ? "an untagged image (config " + image.config() + ")"
          : String.join(" = ", image.repoTags()));
    }
    return ArchiveException.unusable("the docker-archive " + tar + " holds " + images.size()
        + " images: " + String.join(", ", names) + ". A base archive must hold one: save just"
        + " that one, e.g. docker save IMAGE -o FILE or skopeo copy docker-archive:" + tar
        + ":IMAGE docker-archive:FILE, and use tar://FILE.");
  }

  /**
   * The image of a layout to build on: picked by ref name and platform, through nested indexes,
   * its manifest and config verified, every layer present and of a compression jib-core reads.
   *
   * @param refName the ref name the user asked for, if any
   * @param howToName how the user names one image of several, appended to the ambiguity error
   * @param skopeoSource the layout as skopeo names it, for the fix of an unreadable layer
   */
  private static LayoutImage readLayout(LayoutReader layout, Optional<String> refName,
      String howToName, String skopeoSource, Platform platform) throws ArchiveException {
    List<Descriptor> entries = layout.index().images();
    if (refName.isPresent()) {
      entries = named(entries, refName.get(), layout.name());
    }
    Descriptor chosen = choose(entries, howToName, layout.name(), platform);
    Optional<String> chosenRef = refName.isPresent() ? refName : chosen.refName();
    LayoutReader.Document document = layout.document(chosen, "the manifest " + chosen.digest());
    for (int depth = 1; ImageIndex.isIndex(chosen, document.tree()); depth++) {
      if (depth > MAX_INDEX_DEPTH) {
        throw ArchiveException.damaged(layout.name() + " nests image indexes more than "
            + MAX_INDEX_DEPTH + " deep; the image is corrupt.");
      }
      chosen = choose(index(document).images(), "", layout.name(), platform);
      document = layout.document(chosen, "the manifest " + chosen.digest());
    }
    return readImage(layout, chosen, document, chosenRef, skopeoSource, platform);
  }

  private static LayoutImage readImage(LayoutReader layout, Descriptor chosen,
      LayoutReader.Document document, Optional<String> refName, String skopeoSource,
      Platform platform) throws ArchiveException {
    String base = layout.name();
    Optional<String> type = Json.text(document.tree(), "mediaType");
    if (type.isPresent() && !MediaTypes.IMAGE_MANIFESTS.contains(type.get())) {
      throw ArchiveException.unusable(document.where() + " is a " + type.get() + ", not an image"
          + " manifest; " + base + " does not hold a container image there.");
    }
    ImageManifest manifest;
    try {
      manifest = ImageManifest.of(document.tree(), document.where());
    } catch (FormatException e) {
      throw LayoutReader.corrupt(e);
    }
    Descriptor config = manifest.config();
    if (config.mediaType().isPresent() && !MediaTypes.CONFIGS.contains(config.mediaType().get())) {
      throw ArchiveException.unusable(base + " holds an artifact of type "
          + config.mediaType().get() + " at " + chosen.digest() + ", not a container image.");
    }
    byte[] configBytes = layout.blob(config, "the config " + config.digest());
    ImageConfig imageConfig = config(configBytes, layout.where(config));
    requirePlatform(imageConfig, platform, base);
    requireLayerCount(imageConfig, manifest.layers().size(), layout.where(config),
        document.where());
    List<String> layerNames = new ArrayList<>();
    for (int index = 0; index < manifest.layers().size(); index++) {
      Descriptor layer = manifest.layers().get(index);
      requireUsableLayerType(layer, skopeoSource);
      layout.requireBlob(layer, "layer " + (index + 1) + " " + layer.digest());
      layerNames.add(layer.blobPath());
    }
    LayerCompressions.requireReadable(layout.files(), layerNames, base, skopeoSource);
    return new LayoutImage(chosen.digest(), refName, config, configBytes, manifest.layers());
  }

  private static ImageIndex index(LayoutReader.Document document) throws ArchiveException {
    try {
      return ImageIndex.of(document.tree(), document.where());
    } catch (FormatException e) {
      throw LayoutReader.corrupt(e);
    }
  }

  private static ImageConfig config(byte[] bytes, String where) throws ArchiveException {
    try {
      return ImageConfig.parse(bytes, where);
    } catch (FormatException e) {
      throw ArchiveException.damaged(e.getMessage(), e);
    }
  }

  private static List<Descriptor> named(List<Descriptor> entries, String refName, String base)
      throws ArchiveException {
    List<Descriptor> named = entries.stream()
        .filter(entry -> entry.refName().equals(Optional.of(refName)))
        .collect(Collectors.toList());
    if (named.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      entries.forEach(entry -> entry.refName().ifPresent(names::add));
      throw ArchiveException.unusable(base + " has no image named '" + refName + "' (annotation "
          + Descriptor.REF_NAME + "). " + (names.isEmpty()
              ? "It names none of its images; leave the ':" + refName + "' off."
              : "Its ref names are: " + String.join(", ", names) + "."));
    }
    return named;
  }

  /**
   * Picks the one image for the build's platform. Entries that name the platform win over
   * entries that name none; entries for other platforms are never picked.
   */
  private static Descriptor choose(
      List<Descriptor> entries, String howToName, String base, Platform platform)
      throws ArchiveException {
    if (entries.isEmpty()) {
      throw ArchiveException.unusable(base + " holds no image.");
    }
    List<Descriptor> pool = ImageIndex.candidatesFor(entries, platform);
    boolean matching = !pool.isEmpty() && pool.get(0).platform().isPresent();
    if (pool.isEmpty()) {
      throw ArchiveException.unusable(base + " holds images only for "
          + ImageIndex.platformsOf(entries) + ", none for " + platform + ". Use a base that has"
          + " a " + platform + " image, or build for the platforms it has ("
          + Setting.FROM_PLATFORMS.element() + ").");
    }
    if (pool.size() > 1) {
      throw ArchiveException.unusable(base + " holds " + pool.size() + " images"
          + (matching ? " for " + platform : "") + ": "
          + pool.stream().map(Descriptor::label).collect(Collectors.joining(", "))
          + ", and the reference does not say which to use. " + howToName);
    }
    return pool.get(0);
  }

  /**
   * Refuses a base built for another platform: Jib would build an image that cannot start. A
   * config that names no platform is let through, as Jib lets it through for a registry base.
   */
  private static void requirePlatform(ImageConfig config, Platform expected, String base)
      throws ArchiveException {
    Optional<Platform> actual = config.platform();
    if (actual.isPresent() && !actual.get().matches(expected)) {
      throw ArchiveException.unusable(base + " holds an image for " + actual.get() + ", but this"
          + " build makes a " + expected + " image. Use a " + expected + " base, e.g. skopeo copy"
          + " --override-os " + expected.os() + " --override-arch " + expected.architecture()
          + " docker://IMAGE oci:DIR, or build for " + actual.get() + " ("
          + Setting.FROM_PLATFORMS.element() + ").");
    }
  }

  /** Jib fails with LayerCountMismatchException otherwise; say which file is at fault. */
  private static void requireLayerCount(ImageConfig config, int layers, String where,
      String listing) throws ArchiveException {
    if (layers != config.diffIds().size()) {
      throw ArchiveException.damaged(where + " lists " + config.diffIds().size() + " layers"
          + " (rootfs.diff_ids), but " + listing + " lists " + layers + "; the image is corrupt.");
    }
  }

  private static void requireUsableLayerType(Descriptor layer, String skopeoSource)
      throws ArchiveException {
    String type = layer.mediaType().orElse("");
    if (type.contains("zstd") || type.contains("encrypted")) {
      throw ArchiveException.unusable("layer " + layer.digest() + " of " + skopeoSource
          + " has the media type " + type + ", which jib-core cannot read. Convert the base to"
          + " a docker-archive: skopeo copy " + skopeoSource + " docker-archive:/path/base.tar,"
          + " then use tar:///path/base.tar.");
    }
  }

  private static PreparedBase write(ImageFiles files, LayoutImage image, Path workDirectory,
      String description) throws ArchiveException {
    Path target = DockerArchiveWriter.target(workDirectory, image);
    // Named by the manifest digest, which pins config and layers, and written only whole: an
    // archive under this name is this image.
    if (!Files.isRegularFile(target)) {
      new DockerArchiveWriter(new LayoutReader(files, description)).write(image, target);
    }
    return new PreparedBase(
        target,
        description + image.refName().map(ref -> " (ref " + ref + ")").orElse(""),
        Optional.of(image.manifestDigest()),
        image.config().digest());
  }

  static InvalidConfigurationException invalid(String message) {
    return new InvalidConfigurationException(Setting.FROM_IMAGE, message);
  }
}
