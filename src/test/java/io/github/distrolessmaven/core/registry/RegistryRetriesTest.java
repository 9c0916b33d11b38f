package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.state.PropertiesFiles;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retry policy as the client follows it, against a registry that fails when told to. */
class RegistryRetriesTest {

  @TempDir Path dir;
  private FakeRegistry registry;
  private final RecordingLog log = new RecordingLog();
  /** Every wait the client asked for, none of them waited. */
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Registries registries(Duration budget) throws Exception {
    Properties plainHttp = new Properties();
    plainHttp.setProperty(registry.host(), "http");
    Path memory = dir.resolve("plain-http.properties");
    PropertiesFiles.write(memory, plainHttp, "test");
    return new Registries(true, Credentials.NONE, memory, log, Duration.ofSeconds(5),
        new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(15), budget, waits::add));
  }

  private RegistryClient client() throws Exception {
    RegistryClient client = registries(Duration.ofMinutes(3)).push(registry.host(), "team/app");
    client.manifestDigest("none"); // the registry answered: its way is known
    registry.clearRequests();
    return client;
  }

  private static final byte[] BLOB = "a layer".getBytes(StandardCharsets.UTF_8);

  @Test
  void aBlobUploadRefusedWith503StartsOverAndLands() throws Exception {
    RegistryClient client = client();
    registry.fail("PUT /v2/team/app/blobs/uploads/", 2, 503, null);

    client.pushBlob(TestImages.sha256(BLOB), Body.of(BLOB));

    assertArrayEquals(BLOB, registry.blob("team/app", TestImages.sha256(BLOB)).orElseThrow());
    List<String> methods = registry.requests().stream().map(r -> r.split(" ")[0]).toList();
    assertEquals(List.of("POST", "PUT", "POST", "PUT", "POST", "PUT"), methods,
        "each failed PUT starts the upload over");
    assertEquals(2, waits.size());
    assertTrue(log.has("got HTTP 503 (UNAVAILABLE: injected); trying again in"), log.toString());
    assertTrue(log.has("(attempt 3)"), log.toString());
  }

  @Test
  void aConnectionDroppedMidUploadStartsItOver() throws Exception {
    RegistryClient client = client();
    registry.dropConnection("PUT /v2/team/app/blobs/uploads/", 1);

    client.pushBlob(TestImages.sha256(BLOB), Body.of(BLOB));

    assertArrayEquals(BLOB, registry.blob("team/app", TestImages.sha256(BLOB)).orElseThrow());
    assertEquals(1, waits.size());
  }

  @Test
  void aManifestReadAnswered502IsAskedAgain() throws Exception {
    RegistryClient client = client();
    TestImages.Image image = TestImages.Image.of("amd64", "app");
    String digest = registry.seed("team/app", "1", image);
    registry.fail("GET /v2/team/app/manifests/1", 1, 502, null);

    assertEquals(digest, client.manifest("1", MediaTypes.OCI_MANIFEST).orElseThrow().digest());
    assertEquals(2, registry.requests().stream().filter(r -> r.startsWith("GET ")).count());
  }

  @Test
  void retryAfterIsWaitedAndHoldsBackTheOtherRequests() throws Exception {
    RegistryClient client = client();
    RegistryClient other = registries(Duration.ofMinutes(3)).pull(registry.host(), "team/other");
    registry.fail("HEAD /v2/team/app/manifests/1", 1, 429, "3");

    client.manifestDigest("1");
    assertEquals(List.of(Duration.ofSeconds(3)), waits, "the wait the registry asked for");

    // A 429 holds back every request of the build to that registry, for as long as it asked.
    Registries shared = registries(Duration.ofMinutes(3));
    RegistryClient first = shared.pull(registry.host(), "team/app");
    RegistryClient second = shared.pull(registry.host(), "team/other");
    first.manifestDigest("none");
    waits.clear();
    registry.fail("HEAD /v2/team/app/manifests/2", 1, 429, "30");
    first.manifestDigest("2");
    second.manifestDigest("1");
    assertEquals(2, waits.size(), waits.toString());
    assertEquals(Duration.ofSeconds(30), waits.get(0));
    assertTrue(waits.get(1).compareTo(Duration.ofSeconds(25)) > 0,
        "the other repository's request waited out the hold too: " + waits);
    other.manifestDigest("1");
  }

  @Test
  void aRegistryThatKeepsFailingIsGivenUpWithinTheBudgetNamingTheLastAnswer() throws Exception {
    RegistryClient client = registries(Duration.ofSeconds(20)).push(registry.host(), "team/app");
    client.manifestDigest("none");
    registry.fail("PUT /v2/team/app/manifests/1", 1000, 503, null);

    RegistryFailure e = assertThrows(RegistryFailure.class,
        () -> client.putManifest("1", "{}".getBytes(StandardCharsets.UTF_8),
            MediaTypes.OCI_MANIFEST));

    assertTrue(e.getMessage().startsWith(registry.host() + "/team/app did not take PUT"
        + " manifests/1 after "), e.getMessage());
    assertTrue(e.getMessage().contains("the last answer was HTTP 503 (UNAVAILABLE: injected)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("try again later"), e.getMessage());
    assertEquals(503, e.status());
    // The waits are not waited here; what would have been waited stays within the budget.
    long planned = waits.stream().mapToLong(Duration::toMillis).sum();
    assertTrue(waits.size() >= 3 && planned <= 20_000, waits.toString());
  }

  @Test
  void aRetryAfterLongerThanTheBudgetFailsAtOnceSayingSo() throws Exception {
    RegistryClient client = client();
    registry.fail("HEAD /v2/team/app/manifests/1", 1, 429, "3600");

    RegistryFailure e = assertThrows(RegistryFailure.class, () -> client.manifestDigest("1"));

    assertTrue(e.getMessage().contains("it asked to wait 60 min (Retry-After), more than is left"
        + " of the 3 min a request may take"), e.getMessage());
    assertEquals(List.of(), waits);
  }

  @Test
  void refusalsAreNotAskedAgain() throws Exception {
    RegistryClient client = client();
    registry.fail("PUT /v2/team/app/manifests/1", 1, 400, null);

    assertThrows(RegistryFailure.class, () -> client.putManifest("1",
        "{}".getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST));
    assertEquals(1, registry.requests().size());
    assertEquals(List.of(), waits);
  }

  @Test
  void aRegistryNobodyListensForFailsAtOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RegistryClient client = registries(Duration.ofMinutes(3)).pull("127.0.0.1:" + port, "a/b");

    RegistryFailure e = assertThrows(RegistryFailure.class, () -> client.manifestDigest("1"));

    assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + port), e.getMessage());
    assertEquals(List.of(), waits, "a registry that never answered is not waited for");
  }
}
