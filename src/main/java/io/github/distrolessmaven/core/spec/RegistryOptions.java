package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.auth.CredentialSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How registries are reached: none of it decides the image.
 *
 * @param baseCredentials where to find credentials for the base's registry
 * @param targetCredentials where to find credentials for the target's registry
 * @param registryMirrors registry host to the mirror hosts tried before it, in order
 * @param allowInsecureRegistries whether plain HTTP and unverified TLS are allowed
 * @param offline whether the build may not use the network
 */
public record RegistryOptions(
    CredentialSources baseCredentials,
    CredentialSources targetCredentials,
    Map<String, List<String>> registryMirrors,
    boolean allowInsecureRegistries,
    boolean offline) {

  /** Copies the mirrors, deeply, keeping their order. */
  public RegistryOptions {
    registryMirrors = RegistryMirrors.copyOf(registryMirrors);
  }

  /** Where an image of {@code registry} may be pulled from: its mirrors first, then itself. */
  public List<String> registriesFor(String registry) {
    List<String> registries = new ArrayList<>(registryMirrors.getOrDefault(registry, List.of()));
    registries.add(registry);
    return registries;
  }
}
