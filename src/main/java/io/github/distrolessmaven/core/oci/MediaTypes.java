package io.github.distrolessmaven.core.oci;

import java.util.Set;

/** The media types of image manifests, indexes, configs and layers, OCI's and Docker's. */
public final class MediaTypes {

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  /** Docker v2.2 layers as jib-core writes them: gzip-compressed tars. */
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";
  /** A CycloneDX SBOM in JSON, also the artifact type it is attached to an image with. */
  public static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";

  /** The manifests of one image. */
  public static final Set<String> IMAGE_MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
  /** The manifests that list others: an OCI index, a Docker manifest list. */
  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
  /** The configs of a container image. */
  public static final Set<String> CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG);

  /** Every manifest a tag may point to, for an {@code Accept} header, as jib-core asks. */
  public static final String ACCEPT_ANY_MANIFEST =
      String.join(", ", OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_MANIFEST_LIST);

  /** The manifests of one image, for an {@code Accept} header. */
  public static final String ACCEPT_IMAGE_MANIFEST = String.join(", ", DOCKER_MANIFEST, OCI_MANIFEST);

  private MediaTypes() {}
}
