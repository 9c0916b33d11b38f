package io.github.distrolessmaven.core.oci;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference, {@code [registry/]repository[:tag][@digest]}, read as the Docker engine
 * and Jib read it: no registry means Docker Hub (and a one-part repository there is under
 * {@code library/}); a first part without a dot, a colon or {@code localhost} is part of the
 * repository; no tag and no digest means {@code latest}.
 *
 * @param registry the registry host, with its port if any
 * @param repository the repository, lower case
 * @param tag the tag, if any
 * @param digest the digest, if any
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<String> digest) {

  /** Where an image without a registry lives. */
  public static final String DOCKER_HUB = "registry-1.docker.io";

  private static final String DEFAULT_TAG = "latest";
  private static final String LIBRARY = "library/";

  private static final String REGISTRY_PART = "(?:[a-zA-Z\\d]|(?:[a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d]))";
  private static final String REGISTRY = REGISTRY_PART + "(?:\\." + REGISTRY_PART + ")*(?::\\d+)?";
  private static final String REPOSITORY_PART = "[a-z\\d]+(?:(?:[_.]|__|-+)[a-z\\d]+)*";
  private static final String REPOSITORY = "(?:" + REPOSITORY_PART + "/)*" + REPOSITORY_PART;
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "sha256:[a-f\\d]{64}";

  private static final Pattern REFERENCE = Pattern.compile(
      "^(?:(" + REGISTRY + ")/)?(" + REPOSITORY + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern TAG_PATTERN = Pattern.compile(TAG);

  /**
   * @throws IllegalArgumentException when {@code reference} is not an image reference
   */
  public static ImageReference parse(String reference) {
    Matcher matcher = REFERENCE.matcher(reference);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an image reference: " + reference);
    }
    String registry = matcher.group(1);
    String repository = matcher.group(2);
    if (registry == null || registry.isEmpty()) {
      registry = DOCKER_HUB;
    } else if (!registry.contains(".") && !registry.contains(":")
        && !registry.equals("localhost")) {
      repository = registry + "/" + repository;
      registry = DOCKER_HUB;
    }
    if (registry.equals("docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = LIBRARY + repository;
    }
    Optional<String> tag = Optional.ofNullable(matcher.group(3));
    Optional<String> digest = Optional.ofNullable(matcher.group(4));
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of(DEFAULT_TAG);
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /** Whether {@code tag} is a valid tag: up to 128 letters, digits, '_', '.' and '-'. */
  public static boolean isValidTag(String tag) {
    return TAG_PATTERN.matcher(tag).matches();
  }

  /** The digest if there is one, else the tag. */
  public String qualifier() {
    return digest.or(() -> tag).orElse(DEFAULT_TAG);
  }

  /** The same repository with another tag, or with a digest (replacing the digest only). */
  public ImageReference withQualifier(String qualifier) {
    return qualifier.matches(DIGEST)
        ? new ImageReference(registry, repository, tag, Optional.of(qualifier))
        : new ImageReference(registry, repository, Optional.of(qualifier), digest);
  }

  /**
   * The reference as the Docker engine writes it: every qualifier it has, the default tag
   * {@code latest} left out, Docker Hub's name and {@code library/} too.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name());
    tag.filter(value -> !value.equals(DEFAULT_TAG)).ifPresent(value -> text.append(':').append(value));
    digest.ifPresent(value -> text.append('@').append(value));
    return text.toString();
  }

  /** The reference with exactly one qualifier: the digest if there is one, else the tag. */
  public String toStringWithQualifier() {
    return name() + (digest.isPresent() ? "@" + digest.get() : ":" + tag.orElse(DEFAULT_TAG));
  }

  /** {@code registry/repository}, as the Docker engine writes it. */
  private String name() {
    if (!registry.equals(DOCKER_HUB)) {
      return registry + "/" + repository;
    }
    return repository.startsWith(LIBRARY) ? repository.substring(LIBRARY.length()) : repository;
  }
}
