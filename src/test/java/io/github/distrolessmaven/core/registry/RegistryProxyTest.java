package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.state.PropertiesFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry requests through the proxy the standard properties name (which a build sets from
 * settings.xml), with the proxy's credentials, and past it for the hosts it must not serve.
 */
class RegistryProxyTest {

  private static final List<String> PROPERTIES = List.of("http.proxyHost", "http.proxyPort",
      "http.proxyUser", "http.proxyPassword", "http.nonProxyHosts");

  @TempDir Path dir;
  private FakeRegistry registry;
  private HttpServer proxy;
  /** Every request the proxy took, as {@code METHOD absolute-uri [Proxy-Authorization]}. */
  private final List<String> proxied = new CopyOnWriteArrayList<>();
  private final Properties saved = new Properties();

  @BeforeEach
  void start() throws Exception {
    for (String name : PROPERTIES) {
      if (System.getProperty(name) != null) {
        saved.setProperty(name, System.getProperty(name));
      }
    }
    registry = new FakeRegistry();
    proxy = HttpServer.create(
        new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    proxy.createContext("/", this::forward);
    proxy.start();
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", String.valueOf(proxy.getAddress().getPort()));
    System.setProperty("http.proxyUser", "builder");
    System.setProperty("http.proxyPassword", "proxy-secret");
    // The JDK's default list keeps loopback away from proxies; this one does not.
    System.setProperty("http.nonProxyHosts", "direct.example");
  }

  @AfterEach
  void stop() {
    PROPERTIES.forEach(System::clearProperty);
    saved.forEach((name, value) -> System.setProperty((String) name, (String) value));
    proxy.stop(0);
    registry.close();
  }

  /** A forward proxy that wants Basic credentials, as corporate proxies do. */
  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
      proxied.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
          + (credentials == null ? "" : " " + credentials));
      exchange.getRequestBody().readAllBytes();
      if (credentials == null) {
        exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corp\"");
        exchange.sendResponseHeaders(407, -1);
        return;
      }
      // The name only the proxy knows is the registry on this machine.
      HttpURLConnection upstream = (HttpURLConnection) new URL(exchange.getRequestURI()
          .toString().replace(name(), registry.host())).openConnection(Proxy.NO_PROXY);
      upstream.setRequestMethod(exchange.getRequestMethod());
      int status = upstream.getResponseCode();
      for (Map.Entry<String, List<String>> header : upstream.getHeaderFields().entrySet()) {
        if (header.getKey() != null && !header.getKey().equalsIgnoreCase("Content-Length")
            && !header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
          exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
      }
      InputStream body = status >= 400 ? upstream.getErrorStream() : upstream.getInputStream();
      byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
      if (!head) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  /**
   * The registry by a name no resolver knows: only the proxy reaches it (the JDK never sends a
   * request for a loopback address through a proxy).
   */
  private String name() {
    return "registry.behind-proxy.test:" + registry.host().split(":")[1];
  }

  /** The plugin's policy, insecure registries allowed, the registry known to be plain HTTP. */
  private Registries registries() throws Exception {
    Properties plainHttp = new Properties();
    plainHttp.setProperty(name(), "http");
    Path memory = dir.resolve("plain-http.properties");
    PropertiesFiles.write(memory, plainHttp, "test");
    return new Registries(true, Credentials.NONE, memory, new RecordingLog(),
        Duration.ofSeconds(5), FakeRegistry.FAST_RETRIES);
  }

  @Test
  void requestsGoThroughTheProxyWithItsCredentials() throws Exception {
    String digest = registry.seed("team/app", "1", TestImages.Image.of("amd64", "app"));

    String served = registries().pull(name(), "team/app").manifestDigest("1").orElseThrow();

    assertEquals(digest, served);
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        "builder:proxy-secret".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("HEAD http://" + name() + "/v2/team/app/manifests/1",
        "HEAD http://" + name() + "/v2/team/app/manifests/1 " + basic), proxied,
        "asked for credentials, the proxy got them");
  }

  @Test
  void hostsTheProxyMustNotServeAreAskedDirectly() throws Exception {
    System.setProperty("http.nonProxyHosts", "*.behind-proxy.test");

    RegistryFailure e = assertThrows(RegistryFailure.class,
        () -> registries().pull(name(), "team/app").manifestDigest("1"));

    assertTrue(e.getMessage().contains("unknown host registry.behind-proxy.test"),
        e.getMessage());
    assertEquals(List.of(), proxied);
  }
}
