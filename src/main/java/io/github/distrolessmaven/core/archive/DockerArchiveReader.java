package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.blobs.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a docker-archive before jib-core reads it as it is: one image, its config for the
 * build's platform and matching its digest, every layer present and of a compression jib-core
 * handles. jib-core itself reads the first image of {@code manifest.json} and trusts the rest.
 */
final class DockerArchiveReader {

  /** Config names that carry their digest: {@code <hex>.json}, {@code blobs/sha256/<hex>}. */
  private static final Pattern DIGEST_NAME = Pattern.compile("(?:^|/)([a-f0-9]{64})(?:\\.json)?$");

  private final TarEntries tar;
  private final Platform platform;

  DockerArchiveReader(TarEntries tar, Platform platform) {
    this.tar = tar;
    this.platform = platform;
  }

  /**
   * Layers are checked for presence and compression but not hashed: they are not copied, and a
   * docker-archive's layers are usually uncompressed, so checking them would mean hashing the
   * whole archive on every build. jib-core reads them once anyway.
   */
  PreparedBase read() throws InvalidConfigurationException, ImageBuildException {
    String manifestWhere = tar.where("manifest.json");
    JsonNode manifest =
        ImageJson.parse(
            tar.read("manifest.json", "the image list manifest.json", ImageJson.MAX_SIZE),
            manifestWhere);
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new ImageBuildException(manifestWhere + " lists no image; the archive is corrupt.");
    }
    if (manifest.size() > 1) {
      throw severalImages(manifest);
    }
    JsonNode image = manifest.get(0);
    List<String> tags = repoTags(image);
    String base = "the docker-archive " + tar.location();

    String configName = field(image, "Config", manifestWhere);
    byte[] configBytes = tar.read(configName, "the config", ImageJson.MAX_SIZE);
    String configDigest = Sha256.of(configBytes);
    Matcher named = DIGEST_NAME.matcher(configName);
    if (named.find() && !configDigest.equals("sha256:" + named.group(1))) {
      throw OciLayoutReader.digestMismatch(
          tar.where(configName), "the config", "sha256:" + named.group(1), configDigest);
    }
    ImageConfig config = ImageConfig.parse(configBytes, tar.where(configName));
    config.requirePlatform(platform, base);

    JsonNode layerNodes = image.get("Layers");
    if (layerNodes == null || !layerNodes.isArray()) {
      throw new ImageBuildException(manifestWhere + " lists no Layers; the archive is corrupt.");
    }
    List<String> layers = new ArrayList<>();
    for (JsonNode layer : layerNodes) {
      if (!layer.isTextual()) {
        throw new ImageBuildException(
            manifestWhere + " lists a layer that is not a file name; the archive is corrupt.");
      }
      tar.require(layer.asText(), "layer " + (layers.size() + 1) + " listed in manifest.json");
      layers.add(layer.asText());
    }
    config.requireLayerCount(layers.size(), tar.where(configName), manifestWhere);
    LayerCompression.requireReadable(tar, layers, base, "docker-archive:" + tar.location());

    String description =
        "docker-archive " + tar.location() + (tags.isEmpty() ? "" : " (" + tags.get(0) + ")");
    return new PreparedBase(tar.location(), description, Optional.empty(), configDigest);
  }

  private InvalidConfigurationException severalImages(JsonNode manifest) {
    List<String> names = new ArrayList<>();
    for (JsonNode image : manifest) {
      List<String> tags = repoTags(image);
      names.add(
          tags.isEmpty()
              ? "an untagged image (config " + image.path("Config").asText() + ")"
              : String.join(" = ", tags));
    }
    return LocalBaseImage.invalid(
        "the docker-archive " + tar.location() + " holds " + manifest.size() + " images: "
            + String.join(", ", names) + ". A base archive must hold one: save just that one,"
            + " e.g. docker save IMAGE -o FILE or skopeo copy docker-archive:" + tar.location()
            + ":IMAGE docker-archive:FILE, and use tar://FILE.");
  }

  private static List<String> repoTags(JsonNode image) {
    List<String> tags = new ArrayList<>();
    image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  private static String field(JsonNode image, String name, String where)
      throws ImageBuildException {
    JsonNode value = image.get(name);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new ImageBuildException(where + " names no " + name + "; the archive is corrupt.");
    }
    return value.asText();
  }
}
