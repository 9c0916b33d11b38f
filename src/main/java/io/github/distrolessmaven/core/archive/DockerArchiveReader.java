package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a docker-archive, as {@code docker save} and {@code skopeo copy ... docker-archive:}
 * write it: {@code manifest.json} lists each image's config file, tags and layer files. Which
 * image to take is the caller's choice.
 */
public final class DockerArchiveReader {

  /** Config names that carry their digest: {@code <hex>.json}, {@code blobs/sha256/<hex>}. */
  private static final Pattern DIGEST_NAME =
      Pattern.compile("(?:^|/)([a-f0-9]{64})(?:\\.json)?$");

  private final ImageFiles files;

  public DockerArchiveReader(ImageFiles files) {
    this.files = files;
  }

  /**
   * One image of the archive.
   *
   * @param config the config's entry name
   * @param repoTags the image's tags, e.g. {@code registry/app:1}
   * @param layers the layers' entry names, bottom first
   */
  public record Image(String config, List<String> repoTags, List<String> layers) {

    /** @param repoTags copied @param layers copied */
    public Image {
      repoTags = List.copyOf(repoTags);
      layers = List.copyOf(layers);
    }
  }

  /**
   * The images {@code manifest.json} lists, in its order.
   *
   * @throws ArchiveException DAMAGED when it is missing, malformed or lists no image
   */
  public List<Image> images() throws ArchiveException {
    String where = files.where("manifest.json");
    JsonNode manifest = LayoutReader.parse(
        files.read("manifest.json", "the image list manifest.json", Json.MAX_DOCUMENT), where);
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw ArchiveException.damaged(where + " lists no image; the archive is corrupt.");
    }
    List<Image> images = new ArrayList<>();
    for (JsonNode image : manifest) {
      JsonNode config = image.get("Config");
      if (config == null || !config.isTextual() || config.asText().isEmpty()) {
        throw ArchiveException.damaged(where + " names no Config; the archive is corrupt.");
      }
      JsonNode layerNodes = image.get("Layers");
      if (layerNodes == null || !layerNodes.isArray()) {
        throw ArchiveException.damaged(where + " lists no Layers; the archive is corrupt.");
      }
      List<String> layers = new ArrayList<>();
      for (JsonNode layer : layerNodes) {
        if (!layer.isTextual()) {
          throw ArchiveException.damaged(
              where + " lists a layer that is not a file name; the archive is corrupt.");
        }
        layers.add(layer.asText());
      }
      List<String> tags = new ArrayList<>();
      image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
      images.add(new Image(config.asText(), tags, layers));
    }
    return images;
  }

  /**
   * The image's config, checked against the digest its name carries, where it carries one.
   *
   * @throws ArchiveException DAMAGED when it is missing or does not match its name
   */
  public byte[] config(Image image) throws ArchiveException {
    byte[] bytes = files.read(image.config(), "the config", Json.MAX_DOCUMENT);
    String digest = Sha256.of(bytes);
    Matcher named = DIGEST_NAME.matcher(image.config());
    if (named.find() && !digest.equals("sha256:" + named.group(1))) {
      throw LayoutReader.digestMismatch(
          files.where(image.config()), "the config", "sha256:" + named.group(1), digest);
    }
    return bytes;
  }

  /** Checks that every layer the image lists is in the archive. */
  public void requireLayers(Image image) throws ArchiveException {
    for (int i = 0; i < image.layers().size(); i++) {
      files.require(image.layers().get(i), "layer " + (i + 1) + " listed in manifest.json");
    }
  }
}
