package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Asks a registry which manifest digest a tag points to, with one HEAD request (plus the token
 * request a registry may ask for), on the JDK's own HTTP client.
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
  private final HttpClient http;
  /** Registries that answered over plain HTTP, so later requests go there directly. */
  private final Map<String, String> schemes = new HashMap<>();

  /**
   * @param allowInsecure whether a registry may be asked over plain HTTP
   * @param credentials registry and repository to credentials, asked only when a registry wants
   *     them, and sent only over HTTPS
   */
  public ManifestHead(
      boolean allowInsecure, BiFunction<String, String, Optional<RegistryAuth>> credentials) {
    this(allowInsecure, credentials, TIMEOUT);
  }

  /** @param timeout for each request; a server that never answers a TLS hello costs this much */
  ManifestHead(boolean allowInsecure,
      BiFunction<String, String, Optional<RegistryAuth>> credentials, Duration timeout) {
    this.allowInsecure = allowInsecure;
    this.credentials = credentials;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The digest registry serves for repository:tag. Never throws: doubt is UNKNOWN. */
  public Answer digestOf(String registry, String repository, String tag) {
    try {
      String path = "/v2/" + repository + "/manifests/" + tag;
      HttpResponse<Void> response = head(registry, path, Optional.empty());
      if (response == null) {
        return Answer.UNKNOWN;
      }
      if (response.statusCode() == 401) {
        Optional<String> authorization = authorize(
            response.headers().firstValue("WWW-Authenticate").orElse(""), registry, repository,
            schemes.getOrDefault(registry, "https"));
        if (authorization.isEmpty()) {
          return Answer.UNKNOWN;
        }
        response = head(registry, path, authorization);
        if (response == null) {
          return Answer.UNKNOWN;
        }
      }
      if (response.statusCode() == 404) {
        return Answer.MISSING;
      }
      Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
      if (response.statusCode() == 200 && digest.isPresent()
          && Sha256.DIGEST.matcher(digest.get()).matches()) {
        return new Answer(Answer.Status.FOUND, digest.get());
      }
      return Answer.UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return Answer.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.UNKNOWN;
    }
  }

  /** HEAD over HTTPS, else (allowed insecure, HTTPS refused) plain HTTP; null when neither. */
  private HttpResponse<Void> head(String registry, String path, Optional<String> authorization)
      throws InterruptedException {
    String known = schemes.get(registry);
    for (String scheme : known != null ? new String[] {known}
        : allowInsecure ? new String[] {"https", "http"} : new String[] {"https"}) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + registry + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(timeout)
            .header("Accept", ACCEPT);
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        schemes.put(registry, scheme);
        return response;
      } catch (IOException e) {
        // HTTPS refused (a plain-HTTP registry, an untrusted certificate): try the next scheme.
      }
    }
    return null;
  }

  /** The Authorization header a 401's challenge asks for, if it can be met. */
  private Optional<String> authorize(
      String challenge, String registry, String repository, String scheme)
      throws IOException, InterruptedException {
    // Credentials never travel over plain HTTP, as jib-core never sends them there.
    Optional<RegistryAuth> auth =
        scheme.equals("https") ? credentials.apply(registry, repository) : Optional.empty();
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      return auth.map(ManifestHead::basic);
    }
    Optional<String> url = BearerChallenge.isBearer(challenge)
        ? BearerChallenge.pullTokenUrl(challenge, repository) : Optional.empty();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.get())).timeout(timeout);
    if (url.get().startsWith("https://")) {
      auth.ifPresent(value -> request.header("Authorization", basic(value)));
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return TokenResponse.token(body.readAllBytes()).map(token -> "Bearer " + token);
    }
  }

  private static String basic(RegistryAuth auth) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
  }

}
