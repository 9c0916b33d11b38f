package io.github.distrolessmaven.core.engine;

import static io.github.distrolessmaven.core.engine.FakeEngine.answer;
import static io.github.distrolessmaven.core.engine.FakeEngine.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import io.github.distrolessmaven.core.engine.EngineClient.Timeouts;
import io.github.distrolessmaven.core.engine.FakeEngine.Handler;
import io.github.distrolessmaven.core.engine.FakeEngine.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine API spoken to a fake engine on a Unix socket. */
class EngineClientTest {

  private static final Timeouts QUICK = new Timeouts(Duration.ofSeconds(2),
      Duration.ofMillis(500), Duration.ofSeconds(2));
  private static final String ID = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;

  private final List<AutoCloseable> engines = new ArrayList<>();

  @AfterEach
  void stopEngines() throws Exception {
    for (AutoCloseable engine : engines) {
      engine.close();
    }
  }

  private FakeEngine engine(String name, Handler handler) throws IOException {
    FakeEngine engine = new FakeEngine(dir.resolve(name + ".sock"), handler);
    engines.add(engine);
    return engine;
  }

  private EngineClient client(FakeEngine engine, Timeouts timeouts) throws IOException {
    return EngineClient.connect(List.of(engine.address()), timeouts);
  }

  private EngineClient docker(Handler handler) throws IOException {
    return client(engine("docker", FakeEngine.docker(handler)), QUICK);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> !name.endsWith(".sock")).sorted().toList();
    }
  }

  // Connecting

  @Test
  void theFirstCandidateThatAnswersIsUsed() throws Exception {
    FakeEngine notAnEngine = engine("web", (request, out) ->
        write(out, answer(404, "text/plain", "404 page not found")));
    FakeEngine first = engine("first", FakeEngine.docker((request, out) -> { }));
    FakeEngine second = engine("second", FakeEngine.docker((request, out) -> { }));

    EngineClient client = EngineClient.connect(List.of(
        new UnixSocket(dir.resolve("missing.sock"), "test"), notAnEngine.address(),
        first.address(), second.address()), QUICK);

    assertEquals(first.address(), client.address());
    assertEquals(List.of(), second.requests());
    Request ping = first.requests().get(0);
    assertEquals("GET", ping.method());
    assertEquals("/_ping", ping.target());
    assertEquals("localhost", ping.header("Host"));
    assertEquals("close", ping.header("Connection"));
  }

  @Test
  void whenNoEngineAnswersEverySocketTriedIsListedWithWhy() throws Exception {
    Path missing = dir.resolve("missing.sock");
    Path stale = dir.resolve("stale.sock");
    ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(stale)).close();
    Path file = Files.writeString(dir.resolve("file.sock"), "");
    FakeEngine notAnEngine = engine("web", (request, out) ->
        write(out, answer(404, "text/plain", "404 page not found")));
    FakeEngine notHttp = engine("ssh", (request, out) -> write(out, "SSH-2.0-OpenSSH_9.2\r\n"));
    FakeEngine silent = engine("silent", (request, out) -> Thread.sleep(2000));

    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> EngineClient.connect(List.of(new UnixSocket(missing, "DOCKER_HOST"),
            new UnixSocket(stale, "test"), new UnixSocket(file, "test"), notAnEngine.address(),
            notHttp.address(), silent.address()), QUICK));

    assertEquals("No Docker or Podman engine answered. Tried:\n"
        + "  unix://" + missing + " (DOCKER_HOST): does not exist\n"
        + "  unix://" + stale + " (test): refused the connection: no engine listens there (a"
        + " stopped engine can leave its socket behind)\n"
        + "  unix://" + file + " (test): is not a socket\n"
        + "  unix://" + notAnEngine.address().toString().substring(7) + " (test): answered, but"
        + " not as a Docker or Podman engine (HTTP 404 to GET /_ping)\n"
        + "  unix://" + dir.resolve("ssh.sock") + " (test): answered, but not as a Docker or"
        + " Podman engine (the answer is not HTTP: SSH-2.0-OpenSSH_9.2)\n"
        + "  unix://" + dir.resolve("silent.sock") + " (test): did not answer: the engine sent"
        + " nothing for 500 ms\n"
        + "Start an engine (sudo systemctl start docker; for Podman: sudo podman system service"
        + " --time=0 unix:///run/podman/podman.sock, or systemctl --user start podman.socket"
        + " when rootless), or set DOCKER_HOST to the socket of a running one, e.g."
        + " DOCKER_HOST=unix:///run/user/1000/podman/podman.sock.", e.getMessage());
    assertEquals(6, e.attempts().size());
  }

  @Test
  void withNoCandidateAtAllTheMessageStillSaysWhatToDo() {
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> EngineClient.connect(List.of(), QUICK));

    assertTrue(e.getMessage().startsWith("No Docker or Podman engine answered. Tried:\nStart an"
        + " engine (sudo systemctl start docker;"), e.getMessage());
  }

  @Test
  void connectingThroughTheEnvironmentTriesDockerHostFirst() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> { }));

    EngineClient client = EngineClient.connect(
        Map.of("DOCKER_HOST", engine.address().toString()));

    assertEquals(engine.address().toString(), client.address().toString());
    assertEquals("DOCKER_HOST", client.address().origin());
  }

  // imageId

  @Test
  void imageIdIsTheIdOfTheImageAsked() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        answer(200, "application/json", "{\"Id\":\"" + ID + "\",\"RepoTags\":[]}"))));

    Optional<String> id = client(engine, QUICK).imageId("127.0.0.1:5000/team/app:1.0");

    assertEquals(Optional.of(ID), id);
    Request request = engine.lastRequest();
    assertEquals("GET", request.method());
    assertEquals("/images/127.0.0.1%3A5000%2Fteam%2Fapp%3A1.0/json", request.target());
  }

  @Test
  void imageIdIsEmptyWhenTheEngineHasNoSuchImage() throws Exception {
    EngineClient client = docker((request, out) -> write(out, answer(404, "application/json",
        "{\"message\":\"No such image: app:1\"}")));

    assertEquals(Optional.empty(), client.imageId("app:1"));
  }

  @Test
  void aBareHexIdIsGivenItsAlgorithm() throws Exception {
    EngineClient client = docker((request, out) -> write(out, answer(200, "application/json",
        "{\"Id\":\"" + "ab".repeat(32) + "\"}")));

    assertEquals(Optional.of(ID), client.imageId("app"));
  }

  @Test
  void anotherStatusFailsWithTheEnginesMessage() throws Exception {
    FakeEngine engine = engine("podman", FakeEngine.podman((request, out) -> write(out,
        answer(500, "application/json", "{\"cause\":\"invalid reference format\",\"message\":"
            + "\"normalizing image: invalid reference format\",\"response\":500}"))));

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, QUICK).imageId("App:1"));

    assertEquals("The engine at " + engine.address() + " answered HTTP 500 to"
        + " GET /images/App:1/json: normalizing image: invalid reference format", e.getMessage());
    assertEquals(500, e.status());
  }

  @Test
  void anImageWithoutIdIsNotTakenForOne() throws Exception {
    EngineClient client = docker((request, out) -> write(out,
        answer(200, "application/json", "{\"RepoTags\":[]}")));

    EngineFailure e = assertThrows(EngineFailure.class, () -> client.imageId("app"));

    assertTrue(e.getMessage().endsWith("answered GET /images/app/json without the image's Id"),
        e.getMessage());
  }

  // save

  @Test
  void saveWritesTheArchiveTheEngineSends() throws Exception {
    byte[] archive = FakeEngine.bytes(300_000);
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: "
          + archive.length + "\r\n\r\n");
      out.write(archive);
    }));
    Path target = dir.resolve("out/base.tar");

    client(engine, QUICK).save("127.0.0.1:5000/team/app:1.0", target);

    assertArrayEquals(archive, Files.readAllBytes(target));
    assertEquals("/images/127.0.0.1%3A5000%2Fteam%2Fapp%3A1.0/get", engine.lastRequest().target());
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void saveReadsAChunkedArchiveWithExtensionsAndTrailers() throws Exception {
    EngineClient client = docker((request, out) -> write(out, "HTTP/1.1 200 OK\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n"
        + "1;name=value\r\n \r\n"
        + "A\r\nengine API\r\n"
        + "0\r\nX-Trailer: yes\r\n\r\n"));
    Path target = dir.resolve("base.tar");

    client.save("app", target);

    assertEquals("hello engine API", Files.readString(target));
  }

  @Test
  void saveReadsABodyThatEndsWithTheConnection() throws Exception {
    EngineClient client = docker((request, out) -> write(out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\n\r\nto the end"));
    Path target = dir.resolve("base.tar");

    client.save("app", target);

    assertEquals("to the end", Files.readString(target));
  }

  @Test
  void aBodyCutShortLeavesNoFileBehind() throws Exception {
    EngineClient client = docker((request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
      out.write(FakeEngine.bytes(100));
    });
    Path target = dir.resolve("base.tar");

    EngineFailure e = assertThrows(EngineFailure.class, () -> client.save("app:1", target));

    assertTrue(e.getMessage().endsWith(" while reading image app:1: the engine closed the"
        + " connection after 100 of the 1000 bytes it announced"), e.getMessage());
    assertEquals(List.of(), listing());
  }

  @Test
  void aChunkCutShortLeavesTheOldFileAsItWas() throws Exception {
    EngineClient client = docker((request, out) -> write(out,
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\nnot a kilobyte"));
    Path target = Files.writeString(dir.resolve("base.tar"), "the last good one");

    EngineFailure e = assertThrows(EngineFailure.class, () -> client.save("app", target));

    assertTrue(e.getMessage().endsWith("in the middle of a chunk"), e.getMessage());
    assertEquals("the last good one", Files.readString(target));
    assertEquals(List.of("base.tar"), listing());
  }

  @Test
  void saveOfAnImageTheEngineLacksSaysHowToGetIt() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        answer(404, "application/json", "{\"message\":\"reference does not exist\"}"))));
    Path target = dir.resolve("base.tar");

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, QUICK).save("127.0.0.1:5000/app:1", target));

    assertEquals("The engine at " + engine.address() + " has no image 127.0.0.1:5000/app:1; pull"
        + " or build it first: docker pull 127.0.0.1:5000/app:1", e.getMessage());
    assertEquals(404, e.status());
    assertEquals(List.of(), listing());
  }

  @Test
  void podmanIsToldToPullWithPodman() throws Exception {
    FakeEngine engine = engine("podman", FakeEngine.podman((request, out) -> write(out,
        answer(404, "application/json", "{\"message\":\"image not known\"}"))));

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, QUICK).save("app:1", dir.resolve("base.tar")));

    assertTrue(e.getMessage().endsWith("; pull or build it first: podman pull app:1"),
        e.getMessage());
  }

  @Test
  void aStalledArchiveIsGivenUpOnAfterTheIdleTime() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nsome");
      Thread.sleep(3000);
    }));
    Timeouts idle = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofMillis(300));
    Path target = dir.resolve("base.tar");

    long start = System.nanoTime();
    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, idle).save("app", target));

    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    assertTrue(e.getMessage().endsWith("while reading image app: the engine sent nothing for"
        + " 300 ms"), e.getMessage());
    assertEquals(List.of(), listing());
  }

  @Test
  void anArchiveThatKeepsFlowingIsReadPastTheIdleTime() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 8; i++) {
        write(out, "1\r\n" + i + "\r\n");
        Thread.sleep(100);
      }
      write(out, "0\r\n\r\n");
    }));
    Timeouts idle = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofMillis(400));
    Path target = dir.resolve("base.tar");

    client(engine, idle).save("app", target);

    assertEquals("01234567", Files.readString(target));
  }

  @Test
  void anInterruptEndsTheWaitAndLeavesNoFile() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    EngineClient client = docker((request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nsome");
      sending.countDown();
      Thread.sleep(3000);
    });
    Path target = dir.resolve("base.tar");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread saver = new Thread(() -> {
      try {
        client.save("app", target);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });

    saver.start();
    assertTrue(sending.await(2, TimeUnit.SECONDS));
    Thread.sleep(100);
    saver.interrupt();
    saver.join(1000);

    assertFalse(saver.isAlive());
    assertTrue(thrown.get() instanceof EngineFailure, String.valueOf(thrown.get()));
    assertTrue(thrown.get().getMessage().endsWith("while reading image app: the build was"
        + " interrupted"), thrown.get().getMessage());
    assertEquals(List.of(), listing());
  }

  // load

  @Test
  void loadStreamsTheArchiveInChunksAndReturnsWhatWasLoaded() throws Exception {
    byte[] archive = FakeEngine.bytes(200_000);
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunk("{\"status\":\"Loading layer\",\"progressDetail\":{\"current\":1},"
                + "\"id\":\"abc\"}\r\n")
            + chunk("{\"stream\":\"Loaded image: 127.0.0.1:5000/app:1\\n\"}\r\n"
                + "{\"stream\":\"Loaded image ID: " + ID + "\\n\"}\r\n")
            + "0\r\n\r\n")));

    List<String> loaded = client(engine, QUICK).load(new ByteArrayInputStream(archive));

    assertEquals(List.of("Loaded image: 127.0.0.1:5000/app:1", "Loaded image ID: " + ID),
        loaded);
    Request request = engine.lastRequest();
    assertEquals("POST", request.method());
    assertEquals("/images/load?quiet=1", request.target());
    assertEquals("application/x-tar", request.header("Content-Type"));
    assertEquals("chunked", request.header("Transfer-Encoding"));
    assertNull(request.header("Content-Length"));
    assertArrayEquals(archive, request.body());
  }

  @Test
  void loadOfAFileSendsTheFile() throws Exception {
    byte[] archive = FakeEngine.bytes(70_000);
    Path file = Files.write(dir.resolve("image.tar"), archive);
    FakeEngine engine = engine("podman", FakeEngine.podman((request, out) -> write(out,
        answer(200, "application/json", "{\"stream\":\"Loaded image: localhost/app:1\"}"))));

    assertEquals(List.of("Loaded image: localhost/app:1"), client(engine, QUICK).load(file));
    assertArrayEquals(archive, engine.lastRequest().body());
  }

  @Test
  void anErrorLineOfTheAnswerFailsTheLoadWithTheEnginesMessage() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        answer(200, "application/json", "{\"stream\":\"Loading\\n\"}\r\n"
            + "{\"errorDetail\":{\"message\":\"open /var/lib/docker/tmp/x/manifest.json: no such"
            + " file or directory\"},\"error\":\"open manifest.json\"}\r\n"))));

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, QUICK).load(new ByteArrayInputStream(new byte[] {1, 2, 3})));

    assertEquals("The engine at " + engine.address() + " did not load the image archive: open"
        + " /var/lib/docker/tmp/x/manifest.json: no such file or directory", e.getMessage());
  }

  @Test
  void anErrorWithoutDetailIsReportedToo() throws Exception {
    EngineClient client = docker((request, out) -> write(out,
        answer(200, "application/json", "{\"error\":\"archive/tar: invalid tar header\"}")));

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client.load(new ByteArrayInputStream(new byte[] {1})));

    assertTrue(e.getMessage().endsWith("did not load the image archive: archive/tar: invalid tar"
        + " header"), e.getMessage());
  }

  @Test
  void aRefusedLoadFailsWithTheEnginesMessage() throws Exception {
    EngineClient client = docker((request, out) -> write(out, answer(500, "application/json",
        "{\"message\":\"failed to load image: payload does not match any of the supported image"
            + " formats\"}")));

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client.load(new ByteArrayInputStream(new byte[] {1})));

    assertTrue(e.getMessage().endsWith("answered HTTP 500 to POST /images/load: failed to load"
        + " image: payload does not match any of the supported image formats"), e.getMessage());
    assertEquals(500, e.status());
  }

  @Test
  void anEngineThatRefusesBeforeReadingTheBodyIsHeard() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        answer(400, "application/json",
            "{\"message\":\"Content-Type must be application/x-tar\"}")))).answeringBeforeTheBody();

    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client(engine, QUICK).load(new ByteArrayInputStream(FakeEngine.bytes(8 << 20))));

    assertTrue(e.getMessage().endsWith("answered HTTP 400 to POST /images/load: Content-Type must"
        + " be application/x-tar"), e.getMessage());
  }

  @Test
  void anArchiveThatCannotBeReadFailsAsItself() throws Exception {
    IOException unreadable = new IOException("disk gone");
    EngineClient client = docker((request, out) -> write(out, answer(200, "application/json",
        "{}")));
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw unreadable;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        throw unreadable;
      }
    };

    IOException e = assertThrows(IOException.class, () -> client.load(broken));

    assertSame(unreadable, e);
  }

  // tag

  @Test
  void tagEncodesTheNameAndTheQuery() throws Exception {
    FakeEngine engine = engine("docker", FakeEngine.docker((request, out) -> write(out,
        "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")));

    client(engine, QUICK).tag("app:1", "127.0.0.1:5000/team/app", "v1.0+build");

    Request request = engine.lastRequest();
    assertEquals("POST", request.method());
    assertEquals("/images/app%3A1/tag?repo=127.0.0.1%3A5000%2Fteam%2Fapp&tag=v1.0%2Bbuild",
        request.target());
    assertEquals("0", request.header("Content-Length"));
  }

  @Test
  void tagOfAnImageTheEngineLacksSaysSo() throws Exception {
    EngineClient client = docker((request, out) -> write(out, answer(404, "application/json",
        "{\"message\":\"No such image: app:1\"}")));

    EngineFailure e = assertThrows(EngineFailure.class, () -> client.tag("app:1", "app", "2"));

    assertTrue(e.getMessage().endsWith(" has no image app:1; pull or build it first: docker pull"
        + " app:1"), e.getMessage());
  }

  @Test
  void aRefusedTagSaysWhatWasAsked() throws Exception {
    EngineClient client = docker((request, out) -> write(out, answer(500, "text/plain",
        "invalid reference format\nmore detail")));

    EngineFailure e = assertThrows(EngineFailure.class, () -> client.tag("app:1", "Bad", "2"));

    assertTrue(e.getMessage().endsWith("answered HTTP 500 to POST /images/app:1/tag as Bad:2:"
        + " invalid reference format"), e.getMessage());
  }

  // encoding

  @Test
  void namesAreEncodedWholeInAPathSegment() {
    assertEquals("127.0.0.1%3A5000%2Fteam%2Fapp%3A1.0", EngineClient.segment(
        "127.0.0.1:5000/team/app:1.0"));
    assertEquals("app%40sha256%3Aab", EngineClient.segment("app@sha256:ab"));
    assertEquals("a%20b%C3%A9~_-", EngineClient.segment("a bé~_-"));
  }

  private static String chunk(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n";
  }
}
