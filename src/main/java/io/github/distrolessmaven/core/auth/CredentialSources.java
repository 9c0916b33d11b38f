package io.github.distrolessmaven.core.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the credentials for one image (the base or the target) may come from, in the order they
 * are tried: the POM's {@code <auth>}, its {@code <credHelper>}, Maven's settings.xml server
 * whose id is the registry host, the docker config file.
 *
 * @param explicit the POM's {@code <auth>}, when given
 * @param credHelper a docker credential helper name (suffix of {@code docker-credential-}) or path
 * @param servers settings.xml servers by id (registry host), passwords decrypted
 * @param dockerConfig the docker {@code config.json} to read, when it exists
 */
public record CredentialSources(
    Optional<RegistryAuth> explicit,
    Optional<String> credHelper,
    Map<String, RegistryAuth> servers,
    Optional<Path> dockerConfig) {

  /** @param servers copied defensively */
  public CredentialSources {
    servers = Map.copyOf(servers);
  }

  /** No credentials at all: anonymous access. */
  public static CredentialSources none() {
    return new CredentialSources(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
  }
}
