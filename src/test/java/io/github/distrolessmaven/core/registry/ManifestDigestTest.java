package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.LocalAddresses;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on loopback, speaking the registry API's HEAD and token flow. */
class ManifestDigestTest {

  private static final String DIGEST = "sha256:" + "d".repeat(64);

  @TempDir Path dir;
  private Path memory;
  private HttpServer server;
  private String registry;
  private final List<String> requests = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    // On every address: as 127.0.0.1 it is a registry on this machine, as another address of
    // the machine one elsewhere.
    server = HttpServer.create(new InetSocketAddress(0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().toString();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(exchange.getRequestMethod() + " " + path + (authorization == null ? "" : " " + authorization));
      if (path.startsWith("/token")) {
        byte[] body = "{\"token\":\"t0ken\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } else if (path.contains("/private/") && !"Bearer t0ken".equals(authorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"http://" + registry + "/token\",service=\"test\"");
        exchange.sendResponseHeaders(401, -1);
      } else if (path.endsWith("/manifests/1")) {
        exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
        exchange.sendResponseHeaders(200, -1);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    registry = "127.0.0.1:" + server.getAddress().getPort();
    memory = dir.resolve("plain-http-registries.properties");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Registries registries(boolean allowInsecure) {
    // The JDK's test server never answers a TLS hello (a registry answers one with an error at
    // once), so each HTTPS attempt here lasts the whole timeout: keep it short.
    return new Registries(allowInsecure, Credentials.NONE, memory, new RecordingLog(),
        Duration.ofMillis(500), FakeRegistry.FAST_RETRIES);
  }

  private Optional<String> digestOf(boolean allowInsecure, String repository, String tag)
      throws RegistryFailure {
    return registries(allowInsecure).pull(registry, repository).manifestDigest(tag);
  }

  @Test
  void aTagIsAnsweredWithItsDigest() throws Exception {
    assertEquals(Optional.of(DIGEST), digestOf(true, "team/app", "1"));
    assertEquals("HEAD /v2/team/app/manifests/1", requests.get(requests.size() - 1));
  }

  @Test
  void aMissingTagIsMissing() throws Exception {
    assertEquals(Optional.empty(), digestOf(true, "team/app", "2"));
  }

  @Test
  void aBearerChallengeIsAnsweredWithAPullToken() throws Exception {
    assertEquals(Optional.of(DIGEST), digestOf(true, "private/app", "1"));
    assertEquals(List.of("GET /token?service=test&scope=repository%3Aprivate%2Fapp%3Apull",
        "HEAD /v2/private/app/manifests/1 Bearer t0ken"), requests.subList(requests.size() - 2, requests.size()));
  }

  @Test
  void aPlainHttpRegistryIsRememberedAndAskedOverHttpFirst() throws Exception {
    assertEquals(List.of(Registries.Endpoint.HTTPS, Registries.Endpoint.HTTPS_UNVERIFIED,
        Registries.Endpoint.HTTP), registries(true).endpoints(registry), "before it answered");
    digestOf(true, "team/app", "1");
    requests.clear();

    // The next build reads the memory: no TLS attempt first, which would wait for a timeout.
    Registries next = registries(true);
    assertEquals(Registries.Endpoint.HTTP, next.endpoints(registry).get(0));
    assertEquals(Optional.of(DIGEST), next.pull(registry, "team/app").manifestDigest("1"));
    assertEquals(List.of("HEAD /v2/team/app/manifests/1"), requests);
  }

  @Test
  void plainHttpIsNotUsedUnlessAllowedOffThisMachine() {
    InetAddress remote = LocalAddresses.nonLoopback().orElse(null);
    assumeTrue(remote != null, "this machine has no address but loopback");
    String elsewhere = remote.getHostAddress() + ":" + server.getAddress().getPort();

    long start = System.nanoTime();
    RegistryFailure e = assertThrows(RegistryFailure.class,
        () -> registries(false).pull(elsewhere, "team/app").manifestDigest("1"));

    assertTrue(e.getMessage().contains(Setting.ALLOW_INSECURE_REGISTRIES.element("true")),
        e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused within seconds, not retried");
    assertEquals(List.of(), requests, "nothing reached the plain-HTTP registry");
  }

  @Test
  void aRegistryOnThisMachineMayBePlainHttpWithoutTheSetting() throws Exception {
    assertEquals(Optional.of(DIGEST), digestOf(false, "team/app", "1"));
    assertEquals(List.of("HEAD /v2/team/app/manifests/1"), requests.subList(requests.size() - 1,
        requests.size()));
  }
}
