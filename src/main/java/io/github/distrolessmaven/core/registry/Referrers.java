package io.github.distrolessmaven.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.oci.ReferrersTag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches an artifact (an SBOM) to an image in a registry: its blobs and manifest are pushed,
 * then the image's referrers are asked for it. A registry with the referrers API lists it by
 * itself; for one without (distribution 2.8 answers 404), the referrers tag {@code sha256-<hex>}
 * is written, keeping what other tools listed there.
 */
public final class Referrers {

  private Referrers() {}

  /**
   * @param repository a client that may push to the image's repository
   * @param subject the image's manifest as the registry holds it
   * @param artifact what to attach
   * @return how it was attached, for the log: the referrers API or the referrers tag
   */
  public static String attach(RegistryClient repository, Descriptor subject,
      ReferrerArtifact artifact) throws RegistryFailure {
    Map<String, byte[]> blobs = artifact.blobs();
    for (String missing : repository.missingBlobs(List.copyOf(blobs.keySet()))) {
      repository.pushBlob(missing, Body.of(blobs.get(missing)));
    }
    String manifestDigest = artifact.descriptor().digest();
    repository.putManifest(manifestDigest, artifact.manifest(), MediaTypes.OCI_MANIFEST);

    Optional<byte[]> listed = repository.get("referrers/" + subject.digest(), MediaTypes.OCI_INDEX);
    if (listed.isPresent() && lists(listed.get(), manifestDigest)) {
      return "the referrers API";
    }
    String tag = ReferrersTag.tagFor(subject.digest());
    Optional<byte[]> updated;
    try {
      updated = ReferrersTag.withArtifact(
          repository.manifest(tag, MediaTypes.OCI_INDEX).map(RegistryClient.Manifest::bytes),
          artifact);
    } catch (RegistryFailure e) {
      throw e;
    } catch (IOException e) {
      throw RegistryFailure.unexpected(repository.name(), "holds something other than an OCI"
          + " index under the referrers tag " + tag + ": " + e.getMessage());
    }
    if (updated.isPresent()) {
      repository.putManifest(tag, updated.get(), MediaTypes.OCI_INDEX);
    }
    return "the referrers tag " + tag;
  }

  private static boolean lists(byte[] index, String digest) {
    try {
      for (JsonNode entry : Json.read(index, "the referrers list").path("manifests")) {
        if (digest.equals(entry.path("digest").asText())) {
          return true;
        }
      }
    } catch (IOException e) {
      // A list that cannot be read lists nothing: the referrers tag is written.
    }
    return false;
  }
}
