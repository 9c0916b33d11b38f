package io.github.distrolessmaven.core.base;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageConfig;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A base in a registry, read by digest for one platform: through its index when the digest names
 * one, else the digest's own image, when its config names that platform (or none). What the
 * base scan, a second platform's image and the base-freshness check all read.
 */
public final class RegistryBase {

  /**
   * One platform's image of a base.
   *
   * @param digest the image's manifest digest: the index entry's, or the digest asked for
   * @param manifest its manifest
   * @param config its config, where it was read already (a single image's is read to check its
   *     platform)
   */
  public record Image(String digest, ImageManifest manifest, Optional<ImageConfig> config) {}

  /** What one registry answers: empty when it does not have the image. */
  @FunctionalInterface
  public interface Ask<T> {
    Optional<T> of(String registry)
        throws RegistryFailure, FormatException, InvalidConfigurationException;
  }

  private RegistryBase() {}

  /**
   * The first answer from {@code registries}, asked in order (mirrors before the origin). When
   * none answers, the failure gives every registry's reason: the origin's alone (often "unknown
   * host gcr.io" behind a firewall) would hide the mirror's real problem.
   *
   * @param missing why a registry without the image did not answer, e.g. "it has no
   *     distroless/java17-debian13:nonroot"
   * @param failure the failure's first words, e.g. "Cannot read the base image ... from any
   *     registry"
   */
  public static <T> T fromFirst(List<String> registries, String missing, String failure,
      Ask<T> ask) throws ImageBuildException, InvalidConfigurationException {
    List<String> reasons = new ArrayList<>();
    RegistryFailure last = null;
    for (String registry : registries) {
      try {
        Optional<T> answer = ask.of(registry);
        if (answer.isPresent()) {
          return answer.get();
        }
        reasons.add(registry + ": " + missing);
      } catch (RegistryFailure | FormatException e) {
        reasons.add(registry + ": " + e.getMessage());
        last = e instanceof RegistryFailure registryFailure ? registryFailure : last;
      }
    }
    throw new ImageBuildException(failure + ": " + String.join("; ", reasons), last);
  }

  /**
   * The image for {@code platform} of the base {@code digest} names.
   *
   * @param subject the base, as a refusal names it
   * @throws InvalidConfigurationException when the base has no image for {@code platform}
   */
  public static Image image(RegistryClient client, String digest, Platform platform,
      String subject) throws RegistryFailure, FormatException, InvalidConfigurationException {
    String where = client.name() + "@" + digest;
    String imageDigest = digest;
    JsonNode tree = document(client, digest);
    boolean fromIndex = ImageIndex.isIndex(tree, Optional.empty());
    if (fromIndex) {
      List<Descriptor> images = ImageIndex.of(tree, "the index " + where).images();
      List<Descriptor> candidates = ImageIndex.candidatesFor(images, platform);
      if (candidates.isEmpty()) {
        throw new InvalidConfigurationException(Setting.FROM_PLATFORMS, "the base " + subject
            + " has images for " + ImageIndex.platformsOf(images) + ", none for " + platform
            + ". Build for the platforms it has, or name a base that has " + platform + " ("
            + Setting.FROM_IMAGE.element() + ").");
      }
      imageDigest = candidates.get(0).digest();
      where = client.name() + "@" + imageDigest;
      tree = document(client, imageDigest);
    }
    if (tree.path("schemaVersion").asInt() != 2) {
      throw new FormatException(where + " is a schema 1 manifest, which is not read");
    }
    ImageManifest manifest = ImageManifest.of(tree, "the manifest " + where);
    if (fromIndex) {
      return new Image(imageDigest, manifest, Optional.empty());
    }
    ImageConfig config = config(client, manifest);
    Optional<Platform> actual = config.platform();
    if (actual.isPresent() && !actual.get().matches(platform)) {
      throw new InvalidConfigurationException(Setting.FROM_PLATFORMS, "the base " + subject
          + " is an image for " + actual.get() + " alone, not an index with a " + platform
          + " image. Build for " + actual.get() + ", or name a base that has " + platform
          + " (" + Setting.FROM_IMAGE.element() + ").");
    }
    return new Image(imageDigest, manifest, Optional.of(config));
  }

  /** The config of {@code image}: the one read already, else from the registry. */
  public static ImageConfig config(RegistryClient client, Image image)
      throws RegistryFailure, FormatException {
    return image.config().isPresent() ? image.config().get() : config(client, image.manifest());
  }

  /** The config {@code manifest} names, parsed. */
  public static ImageConfig config(RegistryClient client, ImageManifest manifest)
      throws RegistryFailure, FormatException {
    Descriptor config = manifest.config();
    return ImageConfig.parse(configBytes(client, config), "the base's config "
        + config.digest());
  }

  /** The config {@code config} names, checked against its digest. */
  public static byte[] configBytes(RegistryClient client, Descriptor config)
      throws RegistryFailure, FormatException {
    byte[] bytes = client.get("blobs/" + config.digest(), null).orElseThrow(() ->
        new FormatException(client.name() + " has no config " + config.digest()));
    if (!Sha256.of(bytes).equals(config.digest())) {
      throw new FormatException(client.name() + " sent other bytes for the config "
          + config.digest());
    }
    return bytes;
  }

  private static JsonNode document(RegistryClient client, String digest)
      throws RegistryFailure, FormatException {
    String where = client.name() + "@" + digest;
    RegistryClient.Manifest manifest = client.manifest(digest, MediaTypes.ACCEPT_ANY_MANIFEST)
        .orElseThrow(() -> new FormatException(where + " is gone from the registry"));
    return Json.read(manifest.bytes(), "the manifest " + where);
  }
}
