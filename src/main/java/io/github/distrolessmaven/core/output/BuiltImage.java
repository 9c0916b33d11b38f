package io.github.distrolessmaven.core.output;

import java.util.List;

/**
 * What a build produced.
 *
 * @param image the target reference, with its tag
 * @param digest the manifest digest, {@code sha256:...}
 * @param imageId the config digest
 * @param tags every tag written
 * @param base the base reference, pinned by digest where known
 * @param size compressed layers plus config, in bytes
 * @param sbom the image's CycloneDX SBOM, JSON
 * @param sbomAttached where the SBOM was attached, e.g. "the referrers tag sha256-..."
 * @param upToDate whether this is the last build's result, confirmed in the registry, with
 *     nothing built
 * @param platforms for an image index, each platform's image, in the index's order; empty for
 *     an image of one platform
 */
public record BuiltImage(
    String image,
    String digest,
    String imageId,
    List<String> tags,
    String base,
    long size,
    byte[] sbom,
    String sbomAttached,
    boolean upToDate,
    List<PlatformImage> platforms) {

  /**
   * One platform's image in an index.
   *
   * @param platform {@code os/architecture[/variant]}
   * @param digest its manifest's digest
   * @param imageId its config's digest
   * @param size its config plus compressed layers, in bytes
   */
  public record PlatformImage(String platform, String digest, String imageId, long size) {}

  /** @param tags copied defensively */
  public BuiltImage {
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }

  /** An image of one platform. */
  public BuiltImage(String image, String digest, String imageId, List<String> tags, String base,
      long size, byte[] sbom, String sbomAttached, boolean upToDate) {
    this(image, digest, imageId, tags, base, size, sbom, sbomAttached, upToDate, List.of());
  }

  /** The same image, marked as the up-to-date result of an earlier build. */
  public BuiltImage asUpToDate() {
    return new BuiltImage(image, digest, imageId, tags, base, size, sbom, sbomAttached, true,
        platforms);
  }
}
