package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.state.PropertiesFiles;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one policy every registry request of the plugin follows, and the clients that follow it:
 * which schemes a registry may be asked over, whose credentials go where, and how long to wait.
 *
 * <p>HTTPS with a verified certificate always comes first. Where insecure registries are
 * allowed, a registry whose certificate cannot be verified (self-signed) is asked over HTTPS
 * without verification, and one that speaks no TLS over plain HTTP, as jib-core does. A registry
 * that answered over plain HTTP is remembered in a small file, so that the next build asks it
 * over HTTP first: a failed TLS handshake costs more than the request. Credentials never travel
 * over plain HTTP. A registry on this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code
 * [::1]}) is treated as insecure registries are without being allowed, as the Docker engine
 * treats it: nobody else can be on the other end.
 *
 * <p>A request the registry answers as a busy or failing one (408, 429, 5xx), or whose
 * connection drops, is sent again under the {@link RetryPolicy}; while a registry has answered
 * 429, every request to it waits as long as it asked.
 */
public final class Registries {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** How a registry is asked: a scheme and, for HTTPS, whether its certificate is verified. */
  enum Endpoint {
    HTTPS("https"),
    HTTPS_UNVERIFIED("https"),
    HTTP("http");

    final String scheme;

    Endpoint(String scheme) {
      this.scheme = scheme;
    }
  }

  final boolean allowInsecure;
  final Credentials credentials;
  final Duration timeout;
  final BuildLog log;
  final RetryPolicy retryPolicy;
  private final Path plainHttpMemory;
  /** Registries known to answer over plain HTTP, from earlier builds: only a hint. */
  private final Properties plainHttp;
  /** How each registry answered in this build. */
  private final Map<String, Endpoint> answered = new ConcurrentHashMap<>();
  /** Until when each registry that answered 429 asked to be left alone. */
  private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

  /**
   * @param allowInsecure whether registries may be asked over plain HTTP or unverified TLS
   * @param credentials asked only when a registry wants them, and sent only over HTTPS
   * @param plainHttpMemory where registries that answered over plain HTTP are remembered; null
   *     for nowhere
   * @param log where requests that are tried again are reported
   */
  public Registries(boolean allowInsecure, Credentials credentials, Path plainHttpMemory,
      BuildLog log) {
    this(allowInsecure, credentials, plainHttpMemory, log, TIMEOUT, RetryPolicy.DEFAULT);
  }

  /**
   * @param timeout for connecting and for each read; a server that never answers costs this
   * @param retryPolicy when a failed request is sent again
   */
  public Registries(boolean allowInsecure, Credentials credentials, Path plainHttpMemory,
      BuildLog log, Duration timeout, RetryPolicy retryPolicy) {
    this.allowInsecure = allowInsecure;
    this.credentials = credentials;
    this.plainHttpMemory = plainHttpMemory;
    this.log = log;
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
    this.plainHttp = PropertiesFiles.readOrEmpty(plainHttpMemory);
  }

  /**
   * Whether {@code registry} ({@code host[:port]}) is on this machine by its very name: {@code
   * localhost}, an address of {@code 127.0.0.0/8}, or {@code [::1]}. Names are not resolved: a
   * name that only resolves to loopback could resolve elsewhere tomorrow.
   */
  public static boolean isLoopback(String registry) {
    String host = registry;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 && host.substring(1, end).equals("::1");
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code registry} may be asked over plain HTTP or TLS that is not verified. */
  public boolean insecureAllowed(String registry) {
    return allowInsecure || isLoopback(registry);
  }

  /** A client that may read registry/repository. */
  public RegistryClient pull(String registry, String repository) {
    return new RegistryClient(this, registry, repository,
        List.of("repository:" + repository + ":pull"));
  }

  /** A client that may read and write registry/repository. */
  public RegistryClient push(String registry, String repository) {
    return push(registry, repository, Optional.empty());
  }

  /**
   * A client that may write registry/repository, its token also granting pull on {@code
   * mountFrom} (a repository of the same registry) so that blobs can be mounted from it.
   */
  public RegistryClient push(String registry, String repository, Optional<String> mountFrom) {
    List<String> scopes = mountFrom.isPresent()
        ? List.of("repository:" + repository + ":pull,push",
            "repository:" + mountFrom.get() + ":pull")
        : List.of("repository:" + repository + ":pull,push");
    return new RegistryClient(this, registry, repository, scopes);
  }

  /** The ways to ask {@code registry}, in order: how it answered before, else by the policy. */
  List<Endpoint> endpoints(String registry) {
    Endpoint known = answered.get(registry);
    if (known != null) {
      return List.of(known);
    }
    if (!insecureAllowed(registry)) {
      return List.of(Endpoint.HTTPS);
    }
    return plainHttp.containsKey(registry)
        ? List.of(Endpoint.HTTP, Endpoint.HTTPS, Endpoint.HTTPS_UNVERIFIED)
        : List.of(Endpoint.HTTPS, Endpoint.HTTPS_UNVERIFIED, Endpoint.HTTP);
  }

  /** Records how {@code registry} answered as a registry, for this build and the next. */
  void answered(String registry, Endpoint endpoint) {
    if (answered.put(registry, endpoint) == endpoint) {
      return;
    }
    boolean plain = endpoint == Endpoint.HTTP;
    synchronized (plainHttp) {
      if (plainHttpMemory == null || !insecureAllowed(registry)
          || plain == plainHttp.containsKey(registry)) {
        return;
      }
      if (plain) {
        plainHttp.setProperty(registry, "http");
      } else {
        plainHttp.remove(registry);
      }
      try {
        // Whole or not at all: builds running side by side share the file.
        PropertiesFiles.write(plainHttpMemory, plainHttp,
            "registries that answered over plain HTTP");
      } catch (IOException e) {
        // Only a hint for the next build.
      }
    }
  }

  /** Whether {@code registry} answered earlier in this build. */
  boolean answeredBefore(String registry) {
    return answered.containsKey(registry);
  }

  /** Holds back every request to {@code registry} until {@code until}: it answered 429. */
  void holdOff(String registry, Instant until) {
    heldUntil.merge(registry, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Until when requests to {@code registry} wait after its last 429, if it answered one. */
  Optional<Instant> heldUntil(String registry) {
    return Optional.ofNullable(heldUntil.get(registry));
  }

  /** Forgets how {@code registry} answered: it asked to be asked another way. */
  void forget(String registry) {
    answered.remove(registry);
  }

  /**
   * Readies the JVM's TLS machinery (the default context with its trust store, and the
   * handshake's classes: a ClientHello written into a buffer, never sent), which the first HTTPS
   * request of a JVM otherwise pays for, a few hundred milliseconds. For a spare thread; a
   * failure only means the first request pays the cost itself.
   */
  public static void warmUpTls() {
    try {
      SSLEngine engine = SSLContext.getDefault().createSSLEngine("registry.invalid", 443);
      engine.setUseClientMode(true);
      engine.beginHandshake();
      engine.wrap(ByteBuffer.allocate(0),
          ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    } catch (Exception | LinkageError e) {
      // The first HTTPS request readies it.
    }
  }

  /** TLS that accepts any certificate, for registries allowed to be insecure. */
  static SSLSocketFactory unverifiedTls() throws IOException {
    return UnverifiedTls.FACTORY.orElseThrow(() -> new IOException(
        "this Java runtime cannot make a TLS context that accepts self-signed certificates"));
  }

  /** Any host name is accepted where the certificate is not verified either. */
  static final HostnameVerifier ANY_HOST = (host, session) -> true;

  /** Made once, when a registry first needs it: one factory, so connections are kept alive. */
  private static final class UnverifiedTls {
    static final Optional<SSLSocketFactory> FACTORY = create();

    private static Optional<SSLSocketFactory> create() {
      // An extended trust manager: for a plain one the JDK still checks the host name.
      TrustManager trustAll = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(
            X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(
            X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      };
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return Optional.of(context.getSocketFactory());
      } catch (java.security.GeneralSecurityException e) {
        return Optional.empty();
      }
    }
  }
}
