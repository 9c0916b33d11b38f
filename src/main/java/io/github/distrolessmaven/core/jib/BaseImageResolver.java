package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.registry.ManifestHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves the base's tag to a manifest digest before the build, so that the image is built on
 * exactly the base its {@code org.opencontainers.image.base.digest} label names, even if the tag
 * moves meanwhile. Mirrors are tried first, as Jib does.
 */
final class BaseImageResolver {

  private final RegistryAccess access;
  private final Map<String, List<String>> mirrors;
  private final BuildLog log;
  private final Path baseLayersCache;

  BaseImageResolver(RegistryAccess access, Map<String, List<String>> mirrors, BuildLog log,
      Path baseLayersCache) {
    this.access = access;
    this.mirrors = mirrors;
    this.log = log;
    this.baseLayersCache = baseLayersCache;
  }

  /** @return the base's manifest (or index) digest, {@code sha256:...} */
  String digestOf(ImageReference base) throws ImageBuildException {
    if (base.getDigest().isPresent()) {
      return base.getDigest().get();
    }
    List<String> registries = new ArrayList<>(mirrors.getOrDefault(base.getRegistry(), List.of()));
    registries.add(base.getRegistry());
    // One HEAD answers in the usual case; any doubt takes jib-core's path, which names failures.
    ManifestHead head = access.manifestHead(RegistryAccess.plainHttpMemory(baseLayersCache));
    for (String registry : registries) {
      ManifestHead.Answer answer = head.digestOf(registry, base.getRepository(), base.getQualifier());
      if (answer.status() == ManifestHead.Answer.Status.FOUND) {
        log.debug("Base " + base + " is " + answer.digest() + " (from " + registry + ")");
        return answer.digest();
      }
      if (answer.status() == ManifestHead.Answer.Status.UNKNOWN) {
        break;
      }
    }
    List<String> failures = new ArrayList<>();
    Exception last = null;
    for (String registry : registries) {
      try {
        ManifestAndDigest<?> manifest =
            access.client(registry, base.getRepository()).pullManifest(base.getQualifier());
        String digest = manifest.getDigest().toString();
        log.debug("Base " + base + " is " + digest + " (from " + registry + ")");
        return digest;
      } catch (IOException | RegistryException | CredentialRetrievalException e) {
        failures.add(registry + ": " + JibFailures.explain(e));
        last = e;
      }
    }
    // Every registry tried, mirror first, with its own reason: the origin's failure alone
    // (often "unknown host gcr.io" behind a firewall) would hide the mirror's real problem.
    throw new ImageBuildException(
        "Cannot read the base image " + base + " from any registry: "
            + String.join("; ", failures), last);
  }
}
