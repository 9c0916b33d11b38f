package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Asks a registry which manifest digest a tag points to, with one HEAD request (plus the token
 * request a registry may ask for), on the JDK's plain {@code HttpURLConnection}.
 *
 * <p>Why not jib-core's client: a rebuild with nothing changed needs only this answer, for the
 * base's tag and the target's tags, and jib-core's HTTP stack (its clients, Apache HttpClient,
 * Jackson) costs more to load and start than the whole rest of such a build. Whenever this
 * cannot answer plainly (a self-signed certificate, an unexpected status, no digest header), it
 * says {@link Answer.Status#UNKNOWN} and the caller takes the full path through jib-core, which
 * explains any failure properly.
 *
 * <p>Where insecure registries are allowed, a registry that answered over plain HTTP is
 * remembered in a small file, so the next build does not first try (and fail) a TLS handshake
 * with it: setting up TLS costs more than the rest of the request.
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
  /** Registries known to answer over plain HTTP. */
  private final Properties plainHttp = new Properties();

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
    if (allowInsecure && memory != null && Files.isRegularFile(memory)) {
      try (Reader reader = Files.newBufferedReader(memory, StandardCharsets.UTF_8)) {
        plainHttp.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        // Only a hint: without it the first request tries HTTPS first.
      }
    }
  }

  /** A response's status and the two headers this needs. */
  private record Response(int status, String digest, String challenge) {}

  /**
   * An Authorization header, and whether the user's credentials went into it: only an anonymous
   * pull token may travel over plain HTTP.
   */
  private record Authorization(String header, boolean fromCredentials) {}

  /** The digest registry serves for repository:tag. Never throws: doubt is UNKNOWN. */
  public Answer digestOf(String registry, String repository, String tag) {
    try {
      String path = "/v2/" + repository + "/manifests/" + tag;
      Response response = head(registry, path, Optional.empty());
      if (response != null && response.status() == 401) {
        Optional<Authorization> authorization = authorize(
            response.challenge() == null ? "" : response.challenge(), registry, repository);
        response = authorization.isEmpty() ? null : head(registry, path, authorization);
      }
      if (response == null) {
        return Answer.UNKNOWN;
      }
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

  /** HEAD over HTTPS, else (allowed insecure, HTTPS refused) plain HTTP; null when neither. */
  private Response head(String registry, String path, Optional<Authorization> authorization) {
    boolean knownPlain = allowInsecure && plainHttp.containsKey(registry);
    String[] schemes = knownPlain ? new String[] {"http", "https"}
        : allowInsecure ? new String[] {"https", "http"} : new String[] {"https"};
    for (String scheme : schemes) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) new URL(scheme + "://" + registry + path).openConnection();
        connection.setRequestMethod("HEAD");
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestProperty("Accept", ACCEPT);
        // Credentials never travel over plain HTTP, as jib-core never sends them there.
        authorization
            .filter(value -> scheme.equals("https") || !value.fromCredentials())
            .ifPresent(value -> connection.setRequestProperty("Authorization", value.header()));
        Response response = new Response(connection.getResponseCode(),
            connection.getHeaderField("Docker-Content-Digest"),
            connection.getHeaderField("WWW-Authenticate"));
        remember(registry, scheme);
        return response;
      } catch (IOException e) {
        // HTTPS refused (a plain-HTTP registry, an untrusted certificate): try the next scheme.
      }
    }
    return null;
  }

  private void remember(String registry, String scheme) {
    boolean plain = scheme.equals("http");
    if (memory == null || plain == plainHttp.containsKey(registry)) {
      return;
    }
    if (plain) {
      plainHttp.setProperty(registry, "http");
    } else {
      plainHttp.remove(registry);
    }
    try {
      Files.createDirectories(memory.getParent());
      try (Writer writer = Files.newBufferedWriter(memory, StandardCharsets.UTF_8)) {
        plainHttp.store(writer, "registries that answered over plain HTTP");
      }
    } catch (IOException e) {
      // Only a hint for the next build.
    }
  }

  /** The Authorization header a 401's challenge asks for, if it can be met. */
  private Optional<Authorization> authorize(String challenge, String registry, String repository)
      throws IOException {
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      return credentials.apply(registry, repository)
          .map(auth -> new Authorization(basic(auth), true));
    }
    Optional<String> url = BearerChallenge.isBearer(challenge)
        ? BearerChallenge.pullTokenUrl(challenge, repository) : Optional.empty();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    HttpURLConnection connection = (HttpURLConnection) new URL(url.get()).openConnection();
    connection.setConnectTimeout((int) timeout.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    Optional<RegistryAuth> auth = url.get().startsWith("https://")
        ? credentials.apply(registry, repository) : Optional.empty();
    auth.ifPresent(value -> connection.setRequestProperty("Authorization", basic(value)));
    if (connection.getResponseCode() != 200) {
      return Optional.empty();
    }
    try (InputStream body = connection.getInputStream()) {
      return TokenResponse.token(body.readAllBytes())
          .map(token -> new Authorization("Bearer " + token, auth.isPresent()));
    }
  }

  private static String basic(RegistryAuth auth) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
  }

}
