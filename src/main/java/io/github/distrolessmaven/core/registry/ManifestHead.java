package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Asks a registry which manifest digest a tag points to, with one HEAD request (plus the token
 * request a registry may ask for), through {@link DirectRegistry}.
 *
 * <p>Why not jib-core's client: a rebuild with nothing changed needs only this answer, for the
 * base's tag and the target's tags, and jib-core's HTTP stack (its clients, Apache HttpClient,
 * Jackson) costs more to load and start than the whole rest of such a build. Whenever this
 * cannot answer plainly (a self-signed certificate, an unexpected status, no digest header), it
 * says {@link Answer.Status#UNKNOWN} and the caller takes the full path through jib-core, which
 * explains any failure properly.
 */
public final class ManifestHead {

  /** Every manifest type a tag may point to, as jib-core asks for them. */
  static final String ACCEPT = String.join(", ",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json");

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** What the registry said about a tag. */
  public record Answer(Status status, String digest) {
    /** FOUND with a digest; MISSING when the registry has no such tag; UNKNOWN otherwise. */
    public enum Status { FOUND, MISSING, UNKNOWN }

    static final Answer MISSING = new Answer(Status.MISSING, null);
    static final Answer UNKNOWN = new Answer(Status.UNKNOWN, null);
  }

  private final boolean allowInsecure;
  private final BiFunction<String, String, Optional<RegistryAuth>> credentials;
  private final Duration timeout;
  private final Path memory;

  /**
   * @param allowInsecure whether a registry may be asked over plain HTTP
   * @param credentials registry and repository to credentials, asked only when a registry wants
   *     them, and sent only over HTTPS
   * @param memory where registries that answered over plain HTTP are remembered; null for none
   */
  public ManifestHead(boolean allowInsecure,
      BiFunction<String, String, Optional<RegistryAuth>> credentials, Path memory) {
    this(allowInsecure, credentials, memory, TIMEOUT);
  }

  /** @param timeout for each request; a server that never answers a TLS hello costs this much */
  ManifestHead(boolean allowInsecure,
      BiFunction<String, String, Optional<RegistryAuth>> credentials, Path memory,
      Duration timeout) {
    this.allowInsecure = allowInsecure;
    this.credentials = credentials;
    this.timeout = timeout;
    this.memory = memory;
  }

  /** The digest registry serves for repository:tag. Never throws: doubt is UNKNOWN. */
  public Answer digestOf(String registry, String repository, String tag) {
    try {
      DirectRegistry.Response response = new DirectRegistry(registry, repository,
          DirectRegistry.Access.PULL, allowInsecure, credentials, memory, timeout)
          .head("manifests/" + tag, ACCEPT);
      if (response.status() == 404) {
        return Answer.MISSING;
      }
      if (response.status() == 200 && response.digest() != null
          && Sha256.DIGEST.matcher(response.digest()).matches()) {
        return new Answer(Answer.Status.FOUND, response.digest());
      }
      return Answer.UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return Answer.UNKNOWN;
    }
  }
}
