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
    boolean upToDate) {

  /** @param tags copied defensively */
  public BuiltImage {
    tags = List.copyOf(tags);
  }

  /** The same image, marked as the up-to-date result of an earlier build. */
  public BuiltImage asUpToDate() {
    return new BuiltImage(image, digest, imageId, tags, base, size, sbom, sbomAttached, true);
  }
}
