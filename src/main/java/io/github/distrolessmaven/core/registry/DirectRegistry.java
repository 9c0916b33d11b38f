package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.state.PropertiesFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Requests to one repository of a registry on the JDK's plain {@code HttpURLConnection}: a
 * manifest's digest, a manifest or blob read, a blob pushed in one piece, a manifest put.
 *
 * <p>Why not jib-core's client: starting jib-core's HTTP stack (its clients, Apache HttpClient,
 * a TLS attempt at every registry) costs more than a rebuild that changed one class needs for all
 * of its requests. This client answers only plainly: any refusal, an unexpected status, or a
 * self-signed certificate is an {@link IOException}, and its callers then take the full path
 * through jib-core, which explains any failure properly.
 *
 * <p>Where insecure registries are allowed, a registry that answered over plain HTTP is
 * remembered in a small file, so the next build does not first try (and fail) a TLS handshake
 * with it: setting up TLS costs more than the rest of the request. Credentials never travel over
 * plain HTTP, as jib-core never sends them there.
 */
public final class DirectRegistry implements RegistryRepository {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** What this client is allowed to do, and so the scope of the token it asks for. */
  public enum Access {
    PULL("pull"),
    PUSH("pull,push");

    private final String actions;

    Access(String actions) {
      this.actions = actions;
    }
  }

  /** A request's body, which may be sent twice (once per scheme tried). */
  public interface Body {
    /** In bytes. */
    long length();

    /** Writes the whole body. */
    void writeTo(OutputStream out) throws IOException;

    /** A body held in memory. */
    static Body of(byte[] bytes) {
      return new Body() {
        @Override
        public long length() {
          return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(bytes);
        }
      };
    }

    /** A body read from a file. */
    static Body of(Path file) throws IOException {
      long length = Files.size(file);
      return new Body() {
        @Override
        public long length() {
          return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
          Files.copy(file, out);
        }
      };
    }
  }

  /** A response's status, the headers this client reads, and the body of a GET. */
  record Response(int status, String digest, String location, String challenge, String apiVersion,
      byte[] body) {

    /**
     * Whether a registry gave it: it says its API version, or answers as a registry does. A
     * redirect to HTTPS, say, is not.
     */
    boolean fromRegistry() {
      return apiVersion != null || status == 200 || status == 201 || status == 202
          || status == 404;
    }
  }

  /**
   * An Authorization header, and whether the user's credentials went into it: only an anonymous
   * token may travel over plain HTTP.
   */
  private record Authorization(String header, boolean fromCredentials) {}

  private final String registry;
  private final String repository;
  private final Access access;
  private final boolean allowInsecure;
  private final BiFunction<String, String, Optional<RegistryAuth>> credentials;
  private final Path memory;
  private final Duration timeout;
  /** Registries known to answer over plain HTTP. */
  private final Properties plainHttp;
  /** The scheme the registry answered on; null until it answered. */
  private String scheme;
  /** The answer to the registry's challenge; null until it asked. */
  private Authorization authorization;

  /**
   * @param allowInsecure whether the registry may be asked over plain HTTP
   * @param credentials registry and repository to credentials, asked only when the registry wants
   *     them, and sent only over HTTPS
   * @param memory where registries that answered over plain HTTP are remembered; null for none
   */
  public DirectRegistry(String registry, String repository, Access access, boolean allowInsecure,
      BiFunction<String, String, Optional<RegistryAuth>> credentials, Path memory) {
    this(registry, repository, access, allowInsecure, credentials, memory, TIMEOUT);
  }

  /** @param timeout for each request; a server that never answers a TLS hello costs this much */
  DirectRegistry(String registry, String repository, Access access, boolean allowInsecure,
      BiFunction<String, String, Optional<RegistryAuth>> credentials, Path memory,
      Duration timeout) {
    this.registry = registry;
    this.repository = repository;
    this.access = access;
    this.allowInsecure = allowInsecure;
    this.credentials = credentials;
    this.memory = memory;
    this.timeout = timeout;
    // Only a hint: without it the first request tries HTTPS first.
    this.plainHttp = PropertiesFiles.readOrEmpty(allowInsecure ? memory : null);
  }

  /** @return {@code registry/repository} */
  public String name() {
    return registry + "/" + repository;
  }

  /**
   * A HEAD of {@code path} (under {@code /v2/<repository>/}), for its status and digest header.
   * A registry that asks for credentials this client cannot give answers 401 here.
   */
  Response head(String path, String accept) throws IOException {
    return send("HEAD", path, accept, null, null);
  }

  /**
   * @param path under {@code /v2/<repository>/}, e.g. {@code manifests/sha256:...}
   * @param accept the media types to accept; empty for any
   * @return the body; empty when the registry answers 404
   * @throws IOException for any other answer
   */
  @Override
  public Optional<byte[]> get(String path, List<String> accept) throws IOException {
    Response response = send("GET", path, accept.isEmpty() ? null : String.join(", ", accept),
        null, null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "GET " + path);
    return Optional.of(response.body());
  }

  @Override
  public boolean hasBlob(String digest) throws IOException {
    Response response = send("HEAD", "blobs/" + digest, null, null, null);
    if (response.status() == 404) {
      return false;
    }
    expect(response, 200, "HEAD blobs/" + digest);
    return true;
  }

  @Override
  public void pushBlob(String digest, byte[] blob) throws IOException {
    pushBlob(digest, Body.of(blob));
  }

  /** Uploads a blob in one request, as the distribution spec's monolithic upload. */
  public void pushBlob(String digest, Body body) throws IOException {
    Response started = send("POST", "blobs/uploads/", null, null, Body.of(new byte[0]));
    expect(started, 202, "POST blobs/uploads/");
    if (started.location() == null) {
      throw new IOException(name() + " started an upload without saying where to send it");
    }
    URL upload = new URL(url(scheme, "blobs/uploads/"), started.location());
    String put = upload + (upload.getQuery() == null ? "?" : "&") + "digest="
        + URLEncoder.encode(digest, StandardCharsets.UTF_8);
    Response finished = send("PUT", put, null, "application/octet-stream", body);
    expect(finished, 201, "PUT of blob " + digest);
  }

  @Override
  public void putManifest(String reference, byte[] manifest, String mediaType) throws IOException {
    Response response =
        send("PUT", "manifests/" + reference, null, mediaType, Body.of(manifest));
    expect(response, 201, "PUT manifests/" + reference);
  }

  private void expect(Response response, int status, String what) throws IOException {
    if (response.status() != status) {
      throw new IOException(
          name() + " answered HTTP " + response.status() + " to " + what);
    }
  }

  /**
   * Sends a request, answering one challenge of the registry. {@code path} is under {@code
   * /v2/<repository>/}, or a whole URL the registry gave.
   */
  private Response send(String method, String path, String accept, String contentType, Body body)
      throws IOException {
    Response response = attempt(method, path, accept, contentType, body);
    if (response.status() == 401 && authorization == null) {
      Optional<Authorization> answer =
          authorize(response.challenge() == null ? "" : response.challenge());
      if (answer.isPresent()) {
        authorization = answer.get();
        if (authorization.fromCredentials() && "http".equals(scheme)) {
          // Credentials never go over plain HTTP: ask over HTTPS, which the registry may serve too.
          scheme = "https";
        }
        response = attempt(method, path, accept, contentType, body);
      }
    }
    return response;
  }

  /** One request: over the scheme the registry answered on, or each allowed one until one does. */
  private Response attempt(String method, String path, String accept, String contentType,
      Body body) throws IOException {
    boolean absolute = path.startsWith("http://") || path.startsWith("https://");
    String[] schemes = absolute ? new String[] {null}
        : scheme != null ? new String[] {scheme}
        : allowInsecure && plainHttp.containsKey(registry) ? new String[] {"http", "https"}
        : allowInsecure ? new String[] {"https", "http"} : new String[] {"https"};
    IOException failure = null;
    for (int i = 0; i < schemes.length; i++) {
      String tried = schemes[i];
      URL url = absolute ? new URL(path) : url(tried, path);
      try {
        Response response = exchange(method, url, accept, contentType, body);
        boolean last = i == schemes.length - 1;
        if (!absolute && !last && "http".equals(tried) && !response.fromRegistry()) {
          // Plain HTTP answered, but not as a registry (a redirect to HTTPS): try HTTPS.
          failure = new IOException("HTTP " + response.status() + " over plain HTTP");
          continue;
        }
        if (!absolute) {
          scheme = tried;
          if (response.fromRegistry()) {
            remember(tried);
          }
        }
        return response;
      } catch (IOException e) {
        // HTTPS refused (a plain-HTTP registry, an untrusted certificate): try the next scheme.
        failure = e;
      }
    }
    throw new IOException(name() + ": " + failure.getMessage(), failure);
  }

  private URL url(String scheme, String path) throws IOException {
    return new URL(scheme + "://" + registry + "/v2/" + repository + "/" + path);
  }

  private Response exchange(String method, URL url, String accept, String contentType, Body body)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod(method);
    connection.setInstanceFollowRedirects(true);
    connection.setConnectTimeout((int) timeout.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    if (accept != null) {
      connection.setRequestProperty("Accept", accept);
    }
    // Only to the registry itself, and credentials never over plain HTTP.
    if (authorization != null && url.getAuthority().equals(registry)
        && (url.getProtocol().equals("https") || !authorization.fromCredentials())) {
      connection.setRequestProperty("Authorization", authorization.header());
    }
    try {
      if (body != null) {
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length());
        if (contentType != null) {
          connection.setRequestProperty("Content-Type", contentType);
        }
        try (OutputStream out = connection.getOutputStream()) {
          body.writeTo(out);
        }
      }
      int status = connection.getResponseCode();
      byte[] content = new byte[0];
      InputStream stream =
          status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      if (stream != null) {
        try (InputStream in = stream) {
          content = in.readAllBytes();
        }
      }
      return new Response(status, connection.getHeaderField("Docker-Content-Digest"),
          connection.getHeaderField("Location"), connection.getHeaderField("WWW-Authenticate"),
          connection.getHeaderField("Docker-Distribution-API-Version"), content);
    } catch (IOException | RuntimeException e) {
      connection.disconnect();
      throw e;
    }
  }

  /** Remembers, for the next build, the scheme a registry answered on as a registry. */
  private void remember(String answered) {
    boolean plain = answered.equals("http");
    if (memory == null || plain == plainHttp.containsKey(registry)) {
      return;
    }
    if (plain) {
      plainHttp.setProperty(registry, "http");
    } else {
      plainHttp.remove(registry);
    }
    try {
      // Whole or not at all: builds running side by side share the file.
      PropertiesFiles.write(memory, plainHttp, "registries that answered over plain HTTP");
    } catch (IOException e) {
      // Only a hint for the next build.
    }
  }

  /** The Authorization header a 401's challenge asks for, if it can be met. */
  private Optional<Authorization> authorize(String challenge) throws IOException {
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      return credentials.apply(registry, repository)
          .map(auth -> new Authorization(basic(auth), true));
    }
    Optional<String> url = BearerChallenge.isBearer(challenge)
        ? BearerChallenge.tokenUrl(challenge, repository, access.actions) : Optional.empty();
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
      connection.disconnect();
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
