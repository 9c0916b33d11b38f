package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.auth.RegistryAuth;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the credentials for a repository come from. Asked only when a registry asks for them,
 * so that a registry that lets anyone pull costs no credential helper's start.
 */
@FunctionalInterface
public interface Credentials {

  /** No credentials anywhere: every request is anonymous. */
  Credentials NONE = (registry, repository) -> Optional.empty();

  /**
   * @return the credentials for registry/repository, or empty for anonymous access
   * @throws IOException when a source of credentials exists but cannot be read (a broken
   *     credential helper, an unreadable docker config): never an anonymous pull instead
   */
  Optional<RegistryAuth> forRepository(String registry, String repository) throws IOException;
}
