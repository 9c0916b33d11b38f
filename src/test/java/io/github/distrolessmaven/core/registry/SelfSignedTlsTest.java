package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.LocalAddresses;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry whose certificate is self-signed, as the test bed's login registry and many private
 * registries are: reached over TLS without verification where insecure registries are allowed,
 * with credentials, and refused with the setting to change where they are not.
 */
class SelfSignedTlsTest {

  private static final String DIGEST = "sha256:" + "d".repeat(64);

  @TempDir Path dir;
  private HttpsServer server;
  private String registry;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Path keystore = dir.resolve("registry.p12");
    Process keytool = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);

    // On every address: as 127.0.0.1 it is a registry on this machine, as another address of
    // the machine one elsewhere.
    server = HttpsServer.create(new InetSocketAddress(0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
          + (authorization == null ? "" : " " + authorization));
      if (authorization == null) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
        exchange.sendResponseHeaders(401, -1);
      } else {
        exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
        exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
        exchange.sendResponseHeaders(200, -1);
      }
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    registry = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Registries registries(boolean allowInsecure) {
    return new Registries(allowInsecure,
        (r, repo) -> Optional.of(new RegistryAuth("user", "secret", "test")),
        dir.resolve("plain-http.properties"), new RecordingLog(), Duration.ofSeconds(5),
        FakeRegistry.FAST_RETRIES);
  }

  @Test
  void aSelfSignedRegistryIsReadOverTlsWhenInsecureRegistriesAreAllowed() throws Exception {
    Registries registries = registries(true);

    assertEquals(Optional.of(DIGEST),
        registries.pull(registry, "team/app").manifestDigest("1"));
    assertEquals(Registries.Endpoint.HTTPS_UNVERIFIED, registries.endpoints(registry).get(0));
    assertEquals("HEAD /v2/team/app/manifests/1 Basic dXNlcjpzZWNyZXQ=",
        requests.get(requests.size() - 1), "the credentials went over TLS");
  }

  @Test
  void aSelfSignedRegistryOnThisMachineIsReadWithoutTheSetting() throws Exception {
    assertEquals(Optional.of(DIGEST),
        registries(false).pull(registry, "team/app").manifestDigest("1"));
  }

  @Test
  void aSelfSignedRegistryElsewhereIsRefusedNamingTheSetting() {
    InetAddress remote = LocalAddresses.nonLoopback().orElse(null);
    assumeTrue(remote != null, "this machine has no address but loopback");
    String elsewhere = remote.getHostAddress() + ":" + server.getAddress().getPort();

    RegistryFailure e = assertThrows(RegistryFailure.class,
        () -> registries(false).pull(elsewhere, "team/app").manifestDigest("1"));

    assertTrue(e.getMessage().contains("does not offer verified HTTPS"), e.getMessage());
    assertTrue(e.getMessage().contains(Setting.ALLOW_INSECURE_REGISTRIES.element("true")),
        e.getMessage());
    assertEquals(List.of(), requests, "no request got through the handshake");
  }

  /**
   * Two requests of one client sent side by side before it knows the credentials are wanted
   * (the blobs of an image pushed at once): the registry answers the first's challenge only
   * once the second has answered its own, and the first, finding the answer given, is sent
   * again with it rather than failing as if the credentials were refused.
   */
  @Test
  void requestsSentSideBySideBeforeTheChallengeAllGetThrough() throws Exception {
    Registries registries = registries(true);
    registries.pull(registry, "team/warm").manifestDigest("1");
    CountDownLatch answered = new CountDownLatch(1);
    AtomicInteger challenged = new AtomicInteger();
    server.removeContext("/");
    server.createContext("/", exchange -> {
      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        if (challenged.getAndIncrement() == 0) {
          awaitQuietly(answered);
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
        exchange.sendResponseHeaders(401, -1);
      } else {
        answered.countDown();
        exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
        exchange.sendResponseHeaders(200, -1);
      }
      exchange.close();
    });
    RegistryClient client = registries.pull(registry, "team/app");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = pool.submit(() -> client.hasBlob(DIGEST));
      Future<Boolean> second = pool.submit(() -> client.hasBlob("sha256:" + "e".repeat(64)));
      assertTrue(first.get(30, TimeUnit.SECONDS));
      assertTrue(second.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, challenged.get(), "each request was challenged once");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
