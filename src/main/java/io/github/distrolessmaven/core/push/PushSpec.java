package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.auth.CredentialSources;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code distroless:push} was asked to do.
 *
 * @param archive the image tar to push
 * @param targetImage where to, e.g. {@code registry.example.com/team/app:1.0}
 * @param additionalTags more tags for the same manifest, unchecked
 * @param credentials for the target's registry
 * @param allowInsecureRegistries whether plain HTTP and unverified TLS are allowed
 */
public record PushSpec(
    Path archive,
    String targetImage,
    List<String> additionalTags,
    CredentialSources credentials,
    boolean allowInsecureRegistries) {

  /** @param additionalTags copied defensively */
  public PushSpec {
    additionalTags = List.copyOf(additionalTags);
  }
}
