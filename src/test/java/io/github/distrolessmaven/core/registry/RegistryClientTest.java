package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a small registry on loopback that speaks the distribution API's reads, monolithic blob
 * upload, manifest put and token flow, and keeps what it was sent.
 */
class RegistryClientTest {

  private static final String BLOB = "sha256:" + "b".repeat(64);

  @TempDir Path dir;
  private HttpServer server;
  private String registry;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    registry = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String uri = exchange.getRequestURI().toString();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(method + " " + uri + (authorization == null ? "" : " " + authorization));
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/token")) {
      reply(exchange, 200, "{\"token\":\"pushtoken\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.startsWith("/v2/private/") && !"Bearer pushtoken".equals(authorization)) {
      exchange.getResponseHeaders().add("WWW-Authenticate",
          "Bearer realm=\"http://" + registry + "/token\",service=\"test\"");
      reply(exchange, 401, null);
      return;
    }
    String repository = path.replaceFirst("^/v2/(.*)/(blobs|manifests)/.*$", "$1");
    if (method.equals("POST") && path.endsWith("/blobs/uploads/")) {
      // Relative, with a query of its own, as distribution answers.
      exchange.getResponseHeaders().add("Location", "/v2/" + repository + "/blobs/uploads/u1?_state=x");
      reply(exchange, 202, null);
    } else if (method.equals("PUT") && path.contains("/blobs/uploads/")) {
      String digest = exchange.getRequestURI().getQuery().replaceFirst(".*digest=", "");
      stored.put(repository + "@" + digest, body);
      reply(exchange, 201, null);
    } else if (method.equals("PUT") && path.contains("/manifests/")) {
      stored.put(path, body);
      contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
      reply(exchange, 201, null);
    } else if (path.contains("/blobs/")) {
      byte[] blob = stored.get(repository + "@" + path.substring(path.lastIndexOf('/') + 1));
      reply(exchange, blob == null ? 404 : 200, method.equals("HEAD") ? null : blob);
    } else {
      byte[] manifest = stored.get(path);
      reply(exchange, manifest == null ? 404 : 200, method.equals("HEAD") ? null : manifest);
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private RegistryClient repository(String name) {
    // The JDK's test server never answers a TLS hello, so an HTTPS attempt lasts the timeout.
    return new Registries(true,
        (r, repo) -> Optional.of(new RegistryAuth("user", "secret", "test")),
        dir.resolve("plain-http.properties"), new RecordingLog(), Duration.ofMillis(500),
        FakeRegistry.FAST_RETRIES).push(registry, name);
  }

  @Test
  void aBlobIsUploadedInOnePieceAndThenFound() throws Exception {
    RegistryClient repository = repository("team/app");
    assertFalse(repository.hasBlob(BLOB));

    Path file = Files.writeString(dir.resolve("layer"), "layer bytes");
    repository.pushBlob(BLOB, Body.of(file));

    assertTrue(repository.hasBlob(BLOB));
    assertArrayEquals("layer bytes".getBytes(StandardCharsets.UTF_8),
        repository.get("blobs/" + BLOB, null).orElseThrow());
    assertTrue(requests.contains("PUT /v2/team/app/blobs/uploads/u1?_state=x&digest=sha256%3A"
        + "b".repeat(64)), "the upload went to the Location the registry gave: " + requests);
  }

  @Test
  void aManifestIsPutWithItsMediaTypeAndReadBack() throws Exception {
    RegistryClient repository = repository("team/app");
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    repository.putManifest("1", manifest, "application/vnd.oci.image.manifest.v1+json");

    assertEquals("application/vnd.oci.image.manifest.v1+json",
        contentTypes.get("/v2/team/app/manifests/1"));
    assertArrayEquals(manifest, repository.get("manifests/1", "a/b").orElseThrow());
    assertTrue(repository.get("manifests/2", "a/b").isEmpty(), "404 is empty");
  }

  @Test
  void manifestsAreReadSideBySideAndComeBackInTheOrderAsked() throws Exception {
    RegistryClient repository = repository("team/app");
    List<String> digests = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] manifest = ("{\"schemaVersion\":2,\"n\":" + i + "}")
          .getBytes(StandardCharsets.UTF_8);
      digests.add(Sha256.of(manifest));
      repository.putManifest(digests.get(i), manifest, "application/vnd.oci.image.manifest.v1+json");
    }
    String gone = "sha256:" + "0".repeat(64);
    digests.add(2, gone);

    List<Optional<RegistryClient.Manifest>> read =
        repository.manifests(digests, "application/vnd.oci.image.manifest.v1+json");

    assertEquals(digests.size(), read.size());
    assertTrue(read.get(2).isEmpty(), "404 is empty, in its place");
    for (int i = 0; i < digests.size(); i++) {
      if (i != 2) {
        assertEquals(digests.get(i), read.get(i).orElseThrow().digest());
      }
    }
  }

  @Test
  void aPushTokenIsAskedForOnceAndSentWithEveryRequest() throws Exception {
    RegistryClient repository = repository("private/app");
    repository.putManifest("1", new byte[] {'{', '}'}, "application/json");
    repository.pushBlob(BLOB, Body.of(new byte[] {1}));

    assertEquals(1, requests.stream().filter(r -> r.startsWith("GET /token")).count());
    assertTrue(requests.contains(
        "GET /token?service=test&scope=repository%3Aprivate%2Fapp%3Apull%2Cpush"), requests.toString());
    assertTrue(requests.contains("PUT /v2/private/app/manifests/1 Bearer pushtoken"));
    assertTrue(requests.contains("POST /v2/private/app/blobs/uploads/ Bearer pushtoken"));
  }

  @Test
  void aTokenThatExpiresDuringAPushIsAskedForAgain() throws Exception {
    // The token service issues a new token at each request, and only the newest is valid
    // for two requests: a long push outlives its first token.
    int[] issued = {0};
    int[] usedOfNewest = {0};
    server.removeContext("/");
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + (authorization == null ? "" : " " + authorization));
      exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestURI().getPath().equals("/token")) {
        issued[0]++;
        usedOfNewest[0] = 0;
        reply(exchange, 200, ("{\"token\":\"t" + issued[0] + "\"}").getBytes(StandardCharsets.UTF_8));
      } else if (!("Bearer t" + issued[0]).equals(authorization) || usedOfNewest[0]++ >= 2) {
        exchange.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"http://" + registry + "/token\",service=\"test\"");
        reply(exchange, 401, null);
      } else {
        reply(exchange, 404, null);
      }
    });
    RegistryClient repository = repository("team/app");
    for (int i = 0; i < 4; i++) {
      assertFalse(repository.hasBlob(BLOB));
    }
    assertEquals(2, issued[0], "one token for the first two requests, a second for the rest");
  }

  @Test
  void aRefusalIsAnErrorThatNamesTheRepositoryAndStatus() {
    RegistryClient repository = repository("team/app");
    server.removeContext("/");
    server.createContext("/", exchange -> reply(exchange, 403, null));
    IOException refused = assertThrows(IOException.class,
        () -> repository.putManifest("1", new byte[] {'{', '}'}, "application/json"));
    assertEquals(registry + "/team/app answered HTTP 403 to PUT manifests/1", refused.getMessage());
  }

  @Test
  void credentialsNeverTravelOverPlainHttp() {
    server.removeContext("/");
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
          + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
      reply(exchange, 401, null);
    });
    RegistryClient repository = repository("team/app");
    assertThrows(IOException.class, () -> repository.hasBlob(BLOB));
    assertTrue(requests.stream().allMatch(r -> r.endsWith(" null")), requests.toString());
  }

  @Test
  void anAnswerOverPlainHttpThatIsNoRegistrysIsNotRemembered() throws Exception {
    server.removeContext("/");
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location", "https://" + registry + "/");
      reply(exchange, 301, null);
    });
    RegistryClient repository = repository("team/app");
    assertThrows(IOException.class, () -> repository.hasBlob(BLOB));
    Path memory = dir.resolve("plain-http.properties");
    assertFalse(Files.exists(memory) && Files.readString(memory).contains("127.0.0.1"),
        "a redirect over plain HTTP made the registry a plain-HTTP one");
  }
}
