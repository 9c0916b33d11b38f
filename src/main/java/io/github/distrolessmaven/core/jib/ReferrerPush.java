package io.github.distrolessmaven.core.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.oci.ReferrersTag;
import io.github.distrolessmaven.core.registry.RegistryRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches an artifact (the SBOM) to an image in a registry: its blobs and manifest are pushed,
 * then the image's referrers are asked for it. A registry with the referrers API lists it by
 * itself; for one without (distribution 2.8 answers 404), the referrers tag {@code sha256-<hex>}
 * is written, keeping what other tools listed there.
 */
public final class ReferrerPush {

  private final RegistryAccess access;
  private final Path plainHttpMemory;

  /**
   * @param access credentials and clients for the image's registry
   * @param plainHttpMemory where registries that answered over plain HTTP are remembered; null
   *     for nowhere
   */
  public ReferrerPush(RegistryAccess access, Path plainHttpMemory) {
    this.access = access;
    this.plainHttpMemory = plainHttpMemory;
  }

  /**
   * The image's manifest as the registry holds it (the subject the artifact refers to), and the
   * image's size as it counts it: config plus layers.
   */
  ServedImage served(ImageReference image, String digest) throws ImageBuildException {
    try {
      byte[] manifest = access.http(image.getRegistry(), image.getRepository())
          .get(image.getRegistry(), image.getRepository(), "manifests/" + digest,
              List.of(V22ManifestTemplate.MANIFEST_MEDIA_TYPE, OciManifestTemplate.MANIFEST_MEDIA_TYPE))
          .orElseThrow(() -> new IOException("the registry has no manifest " + digest));
      if (!Sha256.of(manifest).equals(digest)) {
        throw new IOException("the registry sent a manifest that is not " + digest);
      }
      return ServedImage.of(manifest, digest);
    } catch (IOException | CredentialRetrievalException e) {
      throw JibFailures.describe(e, "Reading back " + image + "@" + digest);
    }
  }

  /**
   * @param manifest the image's manifest as its registry serves it
   * @param size config plus compressed layers, in bytes
   */
  record ServedImage(Descriptor manifest, long size) {

    /** The image whose manifest, with this digest, is {@code manifest}. */
    static ServedImage of(byte[] manifest, String digest) throws IOException {
      JsonNode root = new ObjectMapper().readTree(manifest);
      long size = root.path("config").path("size").asLong();
      for (JsonNode layer : root.path("layers")) {
        size += layer.path("size").asLong();
      }
      JsonNode mediaType = root.get("mediaType");
      return new ServedImage(Descriptor.of(mediaType == null
          ? MediaTypes.OCI_MANIFEST : mediaType.asText(), digest, manifest.length),
          size);
    }
  }

  /**
   * @param image the image's repository (its tag is not used)
   * @param subject the image's manifest as the registry holds it
   * @param artifact what to attach
   * @return how it was attached, for the log: the referrers API or the referrers tag
   */
  public String attach(ImageReference image, Descriptor subject, ReferrerArtifact artifact)
      throws ImageBuildException {
    String registry = image.getRegistry();
    String repository = image.getRepository();
    try {
      return attach(access.direct(registry, repository, plainHttpMemory), subject, artifact);
    } catch (IOException | RuntimeException e) {
      // jib-core's client handles what the plain one does not, and explains its failures.
    }
    try {
      return attach(new JibRepository(access, registry, repository), subject, artifact);
    } catch (IOException e) {
      String what = "Attaching the SBOM to " + registry + "/" + repository + "@" + subject.digest();
      throw JibFailures.describe(JibRepository.cause(e), what);
    }
  }

  private static String attach(
      RegistryRepository repository, Descriptor subject, ReferrerArtifact artifact)
      throws IOException {
    for (Map.Entry<String, byte[]> blob : artifact.blobs().entrySet()) {
      if (!repository.hasBlob(blob.getKey())) {
        repository.pushBlob(blob.getKey(), blob.getValue());
      }
    }
    String manifestDigest = artifact.descriptor().digest();
    repository.putManifest(manifestDigest, artifact.manifest(), MediaTypes.OCI_MANIFEST);

    List<String> index = List.of(MediaTypes.OCI_INDEX);
    Optional<byte[]> listed = repository.get("referrers/" + subject.digest(), index);
    if (listed.isPresent() && lists(listed.get(), manifestDigest)) {
      return "the referrers API";
    }
    String tag = ReferrersTag.tagFor(subject.digest());
    Optional<byte[]> updated =
        ReferrersTag.withArtifact(repository.get("manifests/" + tag, index), artifact);
    if (updated.isPresent()) {
      repository.putManifest(tag, updated.get(), MediaTypes.OCI_INDEX);
    }
    return "the referrers tag " + tag;
  }

  private static boolean lists(byte[] index, String digest) throws IOException {
    for (JsonNode entry : new ObjectMapper().readTree(index).path("manifests")) {
      if (digest.equals(entry.path("digest").asText())) {
        return true;
      }
    }
    return false;
  }
}
