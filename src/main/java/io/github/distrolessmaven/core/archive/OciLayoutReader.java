package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.blobs.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an OCI image layout, a directory or an archive of one: picks the image manifest by ref
 * name and platform, and checks the manifest, the config and the presence of every layer. The
 * manifest and config are verified against their digests here; the layers when copied.
 */
final class OciLayoutReader {

  /** An index inside an index inside index.json is as deep as real images go; stop cycles. */
  private static final int MAX_INDEX_DEPTH = 3;

  private static final Set<String> CONFIG_TYPES =
      Set.of(
          "application/vnd.oci.image.config.v1+json",
          "application/vnd.docker.container.image.v1+json");

  private final ImageFiles files;
  private final String base;
  private final Platform platform;

  /**
   * @param base the layout as messages name it: "the OCI layout /x", "the OCI archive /x.tar"
   */
  OciLayoutReader(ImageFiles files, String base, Platform platform) {
    this.files = files;
    this.base = base;
    this.platform = platform;
  }

  /** The image a reader picked, with everything needed to write it as a docker-archive. */
  record OciImage(
      String manifestDigest,
      Optional<String> refName,
      Descriptor config,
      byte[] configBytes,
      List<Descriptor> layers) {}

  /**
   * @param refName the ref name the user asked for, if any
   * @param howToName how the user names one image of several, appended to the ambiguity error
   * @param skopeoSource the layout as skopeo names it, for the fix of an unreadable layer
   */
  OciImage read(Optional<String> refName, String howToName, String skopeoSource)
      throws InvalidConfigurationException, ImageBuildException {
    requireLayoutVersion();
    String indexWhere = files.where("index.json");
    byte[] indexBytes = files.read("index.json", "the image index", ImageJson.MAX_SIZE);
    JsonNode index = ImageJson.parse(indexBytes, indexWhere);
    List<Descriptor> entries = images(index, indexWhere);
    if (refName.isPresent()) {
      entries = named(entries, refName.get());
    }
    Descriptor chosen = choose(entries, howToName);
    Optional<String> chosenRef = refName.isPresent() ? refName : chosen.refName();

    JsonNode manifest = readManifest(chosen);
    for (int depth = 1; isIndex(chosen, manifest); depth++) {
      if (depth > MAX_INDEX_DEPTH) {
        throw new ImageBuildException(
            base + " nests image indexes more than " + MAX_INDEX_DEPTH + " deep; the image is"
                + " corrupt.");
      }
      chosen = choose(images(manifest, files.where(chosen.blobName())), "");
      manifest = readManifest(chosen);
    }
    return readImage(chosen, manifest, chosenRef, skopeoSource);
  }

  private OciImage readImage(
      Descriptor chosen, JsonNode manifest, Optional<String> refName, String skopeoSource)
      throws InvalidConfigurationException, ImageBuildException {
    String manifestWhere = files.where(chosen.blobName());
    Optional<String> type = ImageJson.text(manifest, "mediaType");
    if (type.isPresent() && !Descriptor.MANIFEST_TYPES.contains(type.get())) {
      throw LocalBaseImage.invalid(
          manifestWhere + " is a " + type.get() + ", not an image manifest; " + base
              + " does not hold a container image there.");
    }
    Descriptor config = Descriptor.parse(manifest.get("config"), manifestWhere);
    if (config.mediaType().isPresent() && !CONFIG_TYPES.contains(config.mediaType().get())) {
      throw LocalBaseImage.invalid(
          base + " holds an artifact of type " + config.mediaType().get() + " at "
              + chosen.digest() + ", not a container image.");
    }
    JsonNode layerNodes = manifest.path("layers");
    if (!layerNodes.isArray()) {
      throw new ImageBuildException(manifestWhere + " lists no layers; the image is corrupt.");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode node : layerNodes) {
      layers.add(Descriptor.parse(node, manifestWhere));
    }

    byte[] configBytes = readBlob(config, "the config " + config.digest());
    ImageConfig imageConfig = ImageConfig.parse(configBytes, files.where(config.blobName()));
    imageConfig.requirePlatform(platform, base);
    imageConfig.requireLayerCount(layers.size(), files.where(config.blobName()), manifestWhere);

    List<String> layerNames = new ArrayList<>();
    for (int index = 0; index < layers.size(); index++) {
      Descriptor layer = layers.get(index);
      requireUsableLayerType(layer, skopeoSource);
      String role = "layer " + (index + 1) + " " + layer.digest();
      long size = files.require(layer.blobName(), role);
      requireSize(layer, size, role);
      layerNames.add(layer.blobName());
    }
    LayerCompression.requireReadable(files, layerNames, base, skopeoSource);
    return new OciImage(chosen.digest(), refName, config, configBytes, layers);
  }

  private void requireLayoutVersion() throws ImageBuildException {
    String where = files.where("oci-layout");
    byte[] marker = files.read("oci-layout", "the oci-layout marker", ImageJson.MAX_SIZE);
    String version =
        ImageJson.text(ImageJson.parse(marker, where), "imageLayoutVersion").orElse("");
    if (!version.startsWith("1.")) {
      throw new ImageBuildException(
          where + " declares image layout version '" + version + "'; only 1.x is supported.");
    }
  }

  /** The descriptors of an index that may lead to an image; signatures and the like are left. */
  private static List<Descriptor> images(JsonNode index, String where)
      throws ImageBuildException {
    JsonNode manifests = index.path("manifests");
    if (!manifests.isArray()) {
      throw new ImageBuildException(where + " has no manifests list; the image is corrupt.");
    }
    List<Descriptor> images = new ArrayList<>();
    for (JsonNode node : manifests) {
      Descriptor descriptor = Descriptor.parse(node, where);
      if (descriptor.mayBeImage()) {
        images.add(descriptor);
      }
    }
    return images;
  }

  private List<Descriptor> named(List<Descriptor> entries, String refName)
      throws InvalidConfigurationException {
    List<Descriptor> named =
        entries.stream()
            .filter(entry -> entry.refName().equals(Optional.of(refName)))
            .collect(Collectors.toList());
    if (named.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      entries.forEach(entry -> entry.refName().ifPresent(names::add));
      throw LocalBaseImage.invalid(
          base + " has no image named '" + refName + "' (annotation " + Descriptor.REF_NAME
              + "). "
              + (names.isEmpty()
                  ? "It names none of its images; leave the ':" + refName + "' off."
                  : "Its ref names are: " + String.join(", ", names) + "."));
    }
    return named;
  }

  /**
   * Picks the one image for the build's platform. Entries that name the platform win over
   * entries that name none; entries for other platforms are never picked.
   */
  private Descriptor choose(List<Descriptor> entries, String howToName)
      throws InvalidConfigurationException {
    if (entries.isEmpty()) {
      throw LocalBaseImage.invalid(base + " holds no image.");
    }
    List<Descriptor> matching = new ArrayList<>();
    List<Descriptor> unknown = new ArrayList<>();
    for (Descriptor entry : entries) {
      if (entry.platform().isEmpty()) {
        unknown.add(entry);
      } else if (entry.platform().get().matches(platform)) {
        matching.add(entry);
      }
    }
    List<Descriptor> pool = matching.isEmpty() ? unknown : matching;
    if (pool.isEmpty()) {
      Set<String> platforms = new LinkedHashSet<>();
      entries.forEach(entry -> platforms.add(entry.platform().get().toString()));
      throw LocalBaseImage.invalid(
          base + " holds images only for " + String.join(", ", platforms) + ", none for "
              + platform + ". Use a base that has a " + platform + " image.");
    }
    if (pool.size() > 1) {
      throw LocalBaseImage.invalid(
          base + " holds " + pool.size() + " images"
              + (matching.isEmpty() ? "" : " for " + platform) + ": "
              + pool.stream().map(Descriptor::label).collect(Collectors.joining(", "))
              + ", and the reference does not say which to use. " + howToName);
    }
    return pool.get(0);
  }

  private static boolean isIndex(Descriptor descriptor, JsonNode document) {
    if (descriptor.mediaType().isPresent()) {
      return descriptor.isIndex();
    }
    Optional<String> type = ImageJson.text(document, "mediaType");
    return type.map(Descriptor.INDEX_TYPES::contains).orElse(document.path("manifests").isArray());
  }

  /** A manifest or an index, verified against its digest. */
  private JsonNode readManifest(Descriptor descriptor) throws ImageBuildException {
    byte[] bytes = readBlob(descriptor, "the manifest " + descriptor.digest());
    return ImageJson.parse(bytes, files.where(descriptor.blobName()));
  }

  private byte[] readBlob(Descriptor descriptor, String role) throws ImageBuildException {
    long size = files.require(descriptor.blobName(), role);
    requireSize(descriptor, size, role);
    byte[] bytes = files.read(descriptor.blobName(), role, ImageJson.MAX_SIZE);
    String actual = Sha256.of(bytes);
    if (!actual.equals(descriptor.digest())) {
      throw digestMismatch(files.where(descriptor.blobName()), role, descriptor.digest(), actual);
    }
    return bytes;
  }

  private void requireSize(Descriptor descriptor, long size, String role)
      throws ImageBuildException {
    if (size != descriptor.size()) {
      throw new ImageBuildException(
          files.where(descriptor.blobName()) + " (" + role + ") is " + size + " bytes, but its"
              + " descriptor says " + descriptor.size() + "; the blob is corrupt. Copy the base"
              + " again.");
    }
  }

  private static void requireUsableLayerType(Descriptor layer, String skopeoSource)
      throws InvalidConfigurationException {
    String type = layer.mediaType().orElse("");
    if (type.contains("zstd") || type.contains("encrypted")) {
      throw LocalBaseImage.invalid(
          "layer " + layer.digest() + " of " + skopeoSource + " has the media type " + type
              + ", which jib-core cannot read. Convert the base to a docker-archive: skopeo copy "
              + skopeoSource + " docker-archive:/path/base.tar, then use tar:///path/base.tar.");
    }
  }

  static ImageBuildException digestMismatch(
      String where, String role, String expected, String actual) {
    return new ImageBuildException(
        where + " (" + role + ") does not match its digest: its content hashes to " + actual
            + ", not " + expected + ". The copy is corrupt; write the base again.");
  }
}
