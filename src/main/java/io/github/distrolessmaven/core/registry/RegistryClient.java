package io.github.distrolessmaven.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.DaemonThreads;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.Quietly;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.registry.Registries.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;

/**
 * Requests to one repository of a registry, as the distribution API defines them: manifests and
 * their digests, blobs read as streams, blobs pushed in one piece or mounted from another
 * repository, manifests put. Every request goes over the JDK's {@code HttpURLConnection}, the
 * one HTTP stack of the plugin, and follows the policy of its {@link Registries}: the schemes
 * the registry may be asked over, and the answer to its challenge (a Bearer token for this
 * client's scopes, or Basic credentials), which is asked for once and sent with every request.
 * A request the registry answers as a busy or failing one, or whose connection drops, is sent
 * again as its {@link RetryPolicy} says; a blob upload that fails is started over.
 */
public final class RegistryClient {

  private static final int MAX_REDIRECTS = 5;
  /**
   * Requests sent side by side (blob HEADs, an index's manifests): a registry takes them at
   * once.
   */
  private static final int PARALLEL_REQUESTS = 8;

  /** What a push of a blob did. */
  public enum Upload {
    /** The blob was sent. */
    UPLOADED,
    /** The registry took the blob from the repository named to mount from. */
    MOUNTED
  }

  /**
   * A manifest as the registry serves it.
   *
   * @param bytes exactly as served
   * @param mediaType the registry's {@code Content-Type}
   * @param digest of the bytes
   */
  public record Manifest(byte[] bytes, String mediaType, String digest) {}

  /** A response: its status, the headers the client reads, and its body or its stream. */
  private record Response(int status, String digest, String location, String challenge,
      String apiVersion, String contentType, String retryAfter, byte[] body, InputStream stream) {

    /**
     * Whether a registry gave it: it says its API version, or answers as a registry does. A
     * redirect to HTTPS, say, is not.
     */
    boolean fromRegistry() {
      return apiVersion != null || status == 200 || status == 201 || status == 202
          || status == 404;
    }

    boolean isRedirect() {
      return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
          && location != null;
    }
  }

  /**
   * An Authorization header, and whether the user's credentials went into it: only an anonymous
   * token may travel over plain HTTP.
   */
  private record Authorization(String header, boolean fromCredentials) {}

  private final Registries registries;
  private final String registry;
  private final String repository;
  private final List<String> scopes;
  /** How the registry answered this client; null until it answered. */
  private volatile Endpoint endpoint;
  /** The answer to the registry's challenge; null until it asked. */
  private volatile Authorization authorization;
  /** Set once credentials must be sent: plain HTTP is then out of the question. */
  private volatile boolean httpsOnly;

  RegistryClient(Registries registries, String registry, String repository, List<String> scopes) {
    this.registries = registries;
    this.registry = registry;
    this.repository = repository;
    this.scopes = List.copyOf(scopes);
  }

  /** {@code registry/repository}, as messages name it. */
  public String name() {
    return registry + "/" + repository;
  }

  /**
   * The digest {@code reference} (a tag or digest) points to, from one HEAD request.
   *
   * @return empty when the registry has no such manifest
   */
  public Optional<String> manifestDigest(String reference) throws RegistryFailure {
    Response response = send("HEAD", "manifests/" + reference,
        MediaTypes.ACCEPT_ANY_MANIFEST, null, null, false);
    if (response.status() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "HEAD manifests/" + reference);
    if (response.digest() != null && Sha256.DIGEST.matcher(response.digest()).matches()) {
      return Optional.of(response.digest());
    }
    // Some registries send no digest with a HEAD: read the manifest instead.
    return manifest(reference, MediaTypes.ACCEPT_ANY_MANIFEST)
        .map(Manifest::digest);
  }

  /**
   * The manifest (or index) {@code reference} points to, byte for byte.
   *
   * @param accept the media types to accept, as an {@code Accept} header
   * @return empty when the registry has no such manifest
   * @throws RegistryFailure also when a manifest asked for by digest has another digest
   */
  public Optional<Manifest> manifest(String reference, String accept) throws RegistryFailure {
    Response response = send("GET", "manifests/" + reference, accept, null, null, false);
    if (response.status() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "GET manifests/" + reference);
    String digest = Sha256.of(response.body());
    if (Sha256.DIGEST.matcher(reference).matches() && !digest.equals(reference)) {
      throw RegistryFailure.unexpected(name(), "sent a manifest whose digest is " + digest
          + " for " + reference);
    }
    return Optional.of(new Manifest(response.body(), response.contentType(), digest));
  }

  /**
   * A GET of {@code path} under {@code /v2/<repository>/}, e.g. {@code referrers/sha256:...}.
   *
   * @param accept the media types to accept; null for any
   * @return the body; empty when the registry answers 404 (no such thing, or no such API)
   */
  public Optional<byte[]> get(String path, String accept) throws RegistryFailure {
    Response response = send("GET", path, accept, null, null, false);
    if (response.status() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "GET " + path);
    return Optional.of(response.body());
  }

  /**
   * The blob with {@code digest}, as a stream the caller closes. The registry may send it from
   * elsewhere (a storage service it redirects to); no credentials go there.
   */
  public InputStream blob(String digest) throws RegistryFailure {
    Response response = send("GET", "blobs/" + digest, null, null, null, true);
    if (response.status() != 200) {
      expect(response, 200, "GET blobs/" + digest);
    }
    return response.stream();
  }

  /** Whether the repository holds the blob with this digest. */
  public boolean hasBlob(String digest) throws RegistryFailure {
    Response response = send("HEAD", "blobs/" + digest, null, null, null, false);
    if (response.status() == 404) {
      return false;
    }
    expect(response, 200, "HEAD blobs/" + digest);
    return true;
  }

  /**
   * The blobs of {@code digests} the repository lacks, asked with HEAD requests side by side:
   * how an image is proved whole before it is reported as pushed.
   *
   * @return in the order given
   */
  public List<String> missingBlobs(List<String> digests) throws RegistryFailure {
    List<String> distinct = digests.stream().distinct().toList();
    List<Boolean> present = sideBySide(distinct, this::hasBlob, "asked for its blobs");
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      if (!present.get(i)) {
        missing.add(distinct.get(i));
      }
    }
    return missing;
  }

  /**
   * The manifests {@code digests} name, read side by side: the images of an index.
   *
   * @param accept the media types to accept, as an {@code Accept} header
   * @return in the order given, empty for one the registry does not have
   * @throws RegistryFailure also when a manifest has another digest than the one asked for
   */
  public List<Optional<Manifest>> manifests(List<String> digests, String accept)
      throws RegistryFailure {
    return sideBySide(digests, digest -> manifest(digest, accept), "asked for its manifests");
  }

  /** One request per item, up to {@value #PARALLEL_REQUESTS} at once; answers in order. */
  private <T> List<T> sideBySide(List<String> items, Request<T> request, String what)
      throws RegistryFailure {
    if (items.size() <= 1) {
      List<T> answers = new ArrayList<>();
      for (String item : items) {
        answers.add(request.send(item));
      }
      return answers;
    }
    ExecutorService pool = DaemonThreads.pool("distroless-registry-request",
        Math.min(PARALLEL_REQUESTS, items.size()));
    try {
      List<Future<T>> sent = new ArrayList<>();
      for (String item : items) {
        sent.add(pool.submit(() -> request.send(item)));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> answer : sent) {
        answers.add(answer.get());
      }
      return answers;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RegistryFailure failure) {
        throw failure;
      }
      throw RegistryFailure.unexpected(name(), "could not be " + what + ": " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryFailure.unexpected(name(), "was being " + what + " when interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /** One request about one blob or manifest. */
  @FunctionalInterface
  private interface Request<T> {
    T send(String item) throws RegistryFailure;
  }

  /** Uploads a blob in one request, as the distribution spec's monolithic upload. */
  public void pushBlob(String digest, Body body) throws RegistryFailure {
    pushBlob(digest, body, Optional.empty());
  }

  /**
   * Uploads a blob in one request, or first asks the registry to mount it from {@code
   * mountFrom}, a repository of the same registry; a registry that lacks it there answers with
   * an upload session, so a wrong guess costs nothing.
   */
  public Upload pushBlob(String digest, Body body, Optional<String> mountFrom)
      throws RegistryFailure {
    Retry upload = new Retry(registries, registry, name(), "upload of blob " + digest);
    while (true) {
      Optional<Upload> done = tryPushBlob(digest, body, mountFrom, upload);
      if (done.isPresent()) {
        return done.get();
      }
    }
  }

  /**
   * One upload of a blob: an upload session, then the blob in one PUT. A PUT that fails the way
   * a busy registry fails is not sent again into the same session, which the registry may have
   * dropped: the upload starts over, as {@code upload} allows.
   *
   * @return empty when the upload is to start over
   */
  private Optional<Upload> tryPushBlob(String digest, Body body, Optional<String> mountFrom,
      Retry attempts) throws RegistryFailure {
    String start = "blobs/uploads/" + mountFrom.map(from -> "?mount=" + encode(digest)
        + "&from=" + encode(from)).orElse("");
    Response started = send("POST", start, null, null, Body.of(new byte[0]), false);
    if (mountFrom.isPresent() && started.status() == 201) {
      return Optional.of(Upload.MOUNTED);
    }
    expect(started, 202, "POST blobs/uploads/");
    if (started.location() == null) {
      throw RegistryFailure.unexpected(name(), "started an upload without saying where to send"
          + " it");
    }
    URL upload;
    try {
      upload = new URL(url(endpoint, "blobs/uploads/"), started.location());
    } catch (IOException e) {
      throw RegistryFailure.unexpected(name(), "gave an upload location that is no URL: "
          + started.location());
    }
    String put = upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + encode(digest);
    Response finished;
    try {
      finished = send("PUT", put, null, "application/octet-stream", body, false, false);
    } catch (RegistryFailure e) {
      if (e.status() == 0 && e.getCause() instanceof IOException failure
          && attempts.afterFailure(failure)) {
        return Optional.empty();
      }
      throw e;
    }
    if (finished.status() != 201
        && attempts.afterAnswer(finished.status(), finished.retryAfter(),
            registryMessage(finished))) {
      return Optional.empty();
    }
    expect(finished, 201, "PUT of blob " + digest);
    return Optional.of(Upload.UPLOADED);
  }

  /**
   * Puts a manifest under a tag or digest.
   *
   * @return the digest the registry stored it under (or, where it does not say, the bytes')
   */
  public String putManifest(String reference, byte[] manifest, String mediaType)
      throws RegistryFailure {
    Response response =
        send("PUT", "manifests/" + reference, null, mediaType, Body.of(manifest), false);
    expect(response, 201, "PUT manifests/" + reference);
    return response.digest() != null && Sha256.DIGEST.matcher(response.digest()).matches()
        ? response.digest() : Sha256.of(manifest);
  }

  private void expect(Response response, int status, String what) throws RegistryFailure {
    if (response.status() == status) {
      return;
    }
    Quietly.close(response.stream());
    if (response.status() == 401) {
      throw RegistryFailure.unauthorized(name(), authorization != null
          && authorization.fromCredentials());
    }
    throw RegistryFailure.answered(name(), response.status(), what, registryMessage(response));
  }

  /**
   * Sends a request, answering one challenge of the registry. {@code path} is under {@code
   * /v2/<repository>/}, or a whole URL the registry gave.
   */
  private Response send(String method, String path, String accept, String contentType,
      Body body, boolean stream) throws RegistryFailure {
    return send(method, path, accept, contentType, body, stream, true);
  }

  /** @param retried whether failures are tried again here, as the registries' policy says */
  private Response send(String method, String path, String accept, String contentType,
      Body body, boolean stream, boolean retried) throws RegistryFailure {
    Authorization sent = authorization;
    Response response = attempt(method, path, accept, contentType, body, stream, retried);
    if (response.status() == 401 && authorization != null && authorization != sent) {
      // Another request, sent side by side, answered the challenge while this one was out:
      // this one goes again with that answer, which it did not carry.
      Quietly.close(response.stream());
      sent = authorization;
      response = attempt(method, path, accept, contentType, body, stream, retried);
    }
    if (response.status() == 401 && sent != null && authorization == sent
        && sent.header().startsWith("Bearer ")) {
      // A token that expired during a long push: the registry challenges again; ask anew.
      authorization = null;
    }
    if (response.status() == 401 && authorization == null) {
      Optional<Authorization> answer =
          authorize(response.challenge() == null ? "" : response.challenge());
      if (answer.isPresent()) {
        authorization = answer.get();
        if (authorization.fromCredentials() && endpoint == Endpoint.HTTP) {
          // Credentials never go over plain HTTP: ask over HTTPS, which the registry may serve.
          httpsOnly = true;
          endpoint = null;
          registries.forget(registry);
          try {
            return attempt(method, path, accept, contentType, body, stream, retried);
          } catch (RegistryFailure e) {
            throw RegistryFailure.credentialsOverPlainHttp(name(), e);
          }
        }
        response = attempt(method, path, accept, contentType, body, stream, retried);
      }
    }
    return response;
  }

  /** One request: the way the registry answered before, or each allowed one until one does. */
  private Response attempt(String method, String path, String accept, String contentType,
      Body body, boolean stream, boolean retried) throws RegistryFailure {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      try {
        URL url = new URL(path);
        return follow(exchange(url, endpointFor(url), method, accept, contentType, body, stream,
            retried ? Retries.ALL : Retries.NONE), method, accept, stream);
      } catch (RegistryFailure e) {
        throw e;
      } catch (IOException e) {
        throw RegistryFailure.unreachable(registry, name(), e, insecureAllowed());
      }
    }
    List<Endpoint> endpoints = new ArrayList<>(
        endpoint != null ? List.of(endpoint) : registries.endpoints(registry));
    if (httpsOnly) {
      endpoints.remove(Endpoint.HTTP);
    }
    IOException failure = null;
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint tried = endpoints.get(i);
      boolean last = i == endpoints.size() - 1;
      // While the way to ask is not known, a failed connection means: try the next way.
      Retries retries = !retried ? Retries.NONE
          : endpoints.size() == 1 ? Retries.ALL : Retries.ANSWERS;
      try {
        Response response = exchange(url(tried, path), tried, method, accept, contentType, body,
            stream, retries);
        if (tried == Endpoint.HTTP && !last && !response.fromRegistry()) {
          // Plain HTTP answered, but not as a registry (a redirect to HTTPS): try HTTPS.
          Quietly.close(response.stream());
          failure = new IOException("HTTP " + response.status() + " over plain HTTP");
          continue;
        }
        endpoint = tried;
        if (response.fromRegistry()) {
          registries.answered(registry, tried);
        }
        return follow(response, method, accept, stream);
      } catch (RegistryFailure e) {
        throw e;
      } catch (SSLHandshakeException e) {
        // A certificate that cannot be verified: the next way may accept it.
        failure = e;
      } catch (IOException e) {
        failure = e;
        if (tried == Endpoint.HTTPS && i + 1 < endpoints.size()
            && endpoints.get(i + 1) == Endpoint.HTTPS_UNVERIFIED) {
          // Not a certificate problem (no TLS at all, no server): unverified TLS fares no better.
          i++;
        }
      }
    }
    throw RegistryFailure.unreachable(registry, name(), failure, insecureAllowed());
  }

  /** Follows the redirects of a read, as blob downloads get them, to another host too. */
  private Response follow(Response response, String method, String accept, boolean stream)
      throws IOException {
    Response current = response;
    URL at = null;
    for (int hops = 0; current.isRedirect() && isRead(method); hops++) {
      if (hops == MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
      }
      Quietly.close(current.stream());
      URL next = new URL(at != null ? at : url(endpoint, ""), current.location());
      at = next;
      current = exchange(next, endpointFor(next), method, accept, null, null, stream,
          Retries.ALL);
    }
    return current;
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  /** How a URL the registry gave is asked: like the registry where it is the registry. */
  private Endpoint endpointFor(URL url) {
    boolean sameHost = url.getAuthority().equals(registry);
    if (url.getProtocol().equals("http")) {
      return Endpoint.HTTP;
    }
    return sameHost && endpoint == Endpoint.HTTPS_UNVERIFIED
        ? Endpoint.HTTPS_UNVERIFIED : Endpoint.HTTPS;
  }

  private URL url(Endpoint endpoint, String path) throws IOException {
    return new URL((endpoint == null ? "https" : endpoint.scheme) + "://" + registry + "/v2/"
        + repository + "/" + path);
  }

  /** Which failures of a request are tried again. */
  private enum Retries {
    /** None: the caller decides. */
    NONE,
    /** Answers of a busy or failing registry, not failed connections. */
    ANSWERS,
    /** Both. */
    ALL
  }

  /** One request, sent again as {@code retries} and the registries' policy say. */
  private Response exchange(URL url, Endpoint how, String method, String accept,
      String contentType, Body body, boolean stream, Retries retries) throws IOException {
    String header = authorizationFor(url);
    if (retries == Retries.NONE) {
      return once(url, how, method, accept, contentType, body, stream, header);
    }
    return withRetries(method + " " + describe(url), retries == Retries.ALL,
        () -> once(url, how, method, accept, contentType, body, stream, header));
  }

  /** A request, as one attempt. */
  @FunctionalInterface
  private interface Attempt {
    Response send() throws IOException;
  }

  private Response withRetries(String request, boolean failuresToo, Attempt attempt)
      throws IOException {
    Retry retry = new Retry(registries, registry, name(), request);
    while (true) {
      retry.awaitTurn();
      Response response;
      try {
        response = attempt.send();
      } catch (RegistryFailure e) {
        throw e;
      } catch (IOException e) {
        if (failuresToo && retry.afterFailure(e)) {
          continue;
        }
        throw e;
      }
      if (!retry.afterAnswer(response.status(), response.retryAfter(),
          registryMessage(response))) {
        return response;
      }
      Quietly.close(response.stream());
    }
  }

  /** A request as messages name it: its path under the repository, else host and path. */
  private String describe(URL url) {
    String prefix = "/v2/" + repository + "/";
    return url.getAuthority().equals(registry) && url.getPath().startsWith(prefix)
        ? url.getPath().substring(prefix.length()) : url.getAuthority() + url.getPath();
  }

  /** The Authorization header for {@code url}, if one may go there. */
  private String authorizationFor(URL url) {
    Authorization current = authorization;
    // Only to the registry itself, and credentials never over plain HTTP.
    return current != null && url.getAuthority().equals(registry)
        && (url.getProtocol().equals("https") || !current.fromCredentials())
        ? current.header() : null;
  }

  private boolean insecureAllowed() {
    return registries.insecureAllowed(registry);
  }

  private Response once(URL url, Endpoint how, String method, String accept,
      String contentType, Body body, boolean stream, String authorizationHeader)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setAuthenticator(ProxyCredentials.INSTANCE);
    if (how == Endpoint.HTTPS_UNVERIFIED && connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(Registries.unverifiedTls());
      https.setHostnameVerifier(Registries.ANY_HOST);
    }
    connection.setRequestMethod(method);
    connection.setInstanceFollowRedirects(false);
    int timeout = (int) registries.timeout.toMillis();
    connection.setConnectTimeout(timeout);
    connection.setReadTimeout(timeout);
    if (accept != null) {
      connection.setRequestProperty("Accept", accept);
    }
    if (authorizationHeader != null) {
      connection.setRequestProperty("Authorization", authorizationHeader);
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
      InputStream streamed = null;
      byte[] content = new byte[0];
      if (stream && status == 200) {
        // Read to its end and closed, the connection is kept for the next request.
        streamed = connection.getInputStream();
      } else {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in != null) {
          try (InputStream input = in) {
            content = input.readAllBytes();
          }
        }
      }
      return new Response(status, connection.getHeaderField("Docker-Content-Digest"),
          connection.getHeaderField("Location"), connection.getHeaderField("WWW-Authenticate"),
          connection.getHeaderField("Docker-Distribution-API-Version"),
          connection.getContentType(), connection.getHeaderField("Retry-After"), content,
          streamed);
    } catch (IOException | RuntimeException e) {
      connection.disconnect();
      throw e;
    }
  }

  /** The Authorization header a 401's challenge asks for, if it can be met. */
  private Optional<Authorization> authorize(String challenge) throws RegistryFailure {
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      return credentials().map(auth -> new Authorization(basic(auth), true));
    }
    Optional<String> url = BearerChallenge.isBearer(challenge)
        ? BearerChallenge.tokenUrl(challenge, scopes) : Optional.empty();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    Optional<RegistryAuth> auth = credentials();
    boolean overHttps = url.get().startsWith("https://");
    try {
      URL tokenUrl = new URL(url.get());
      Endpoint how = !overHttps ? Endpoint.HTTP
          : insecureAllowed() && endpoint == Endpoint.HTTPS_UNVERIFIED
              ? Endpoint.HTTPS_UNVERIFIED : Endpoint.HTTPS;
      String header = overHttps ? auth.map(RegistryClient::basic).orElse(null) : null;
      Response response = withRetries("GET token from " + tokenUrl.getAuthority()
          + tokenUrl.getPath(), true,
          () -> once(tokenUrl, how, "GET", null, null, null, false, header));
      if (response.status() != 200) {
        if (!overHttps && auth.isPresent()) {
          throw RegistryFailure.credentialsOverPlainHttp(name(), null);
        }
        return Optional.empty();
      }
      boolean sent = overHttps && auth.isPresent();
      return TokenResponse.token(response.body())
          .map(token -> new Authorization("Bearer " + token, sent));
    } catch (RegistryFailure e) {
      throw e;
    } catch (IOException e) {
      throw RegistryFailure.unreachable(registry, name(), e, insecureAllowed());
    }
  }

  private Optional<RegistryAuth> credentials() throws RegistryFailure {
    try {
      return registries.credentials.forRepository(registry, repository);
    } catch (IOException e) {
      throw RegistryFailure.unexpected(name(), "needs credentials, which cannot be read: "
          + e.getMessage());
    }
  }

  private static String basic(RegistryAuth auth) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
  }

  /** The registry's own error message, as the distribution API gives it, if any. */
  private static String registryMessage(Response response) {
    if (response.body().length == 0) {
      return null;
    }
    try {
      JsonNode error = Json.read(response.body(), "the error").path("errors").path(0);
      String code = error.path("code").asText("");
      String message = error.path("message").asText("");
      String text = (code + (code.isEmpty() || message.isEmpty() ? "" : ": ") + message).trim();
      return text.isEmpty() ? null : text;
    } catch (IOException e) {
      return null;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
