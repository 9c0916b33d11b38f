package io.github.distrolessmaven.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import io.github.distrolessmaven.core.engine.SocketHttp.Response;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real Podman service of the integration test bed
 * ({@code it/env/setup.sh}), skipped where there is none: a tiny image loaded, found, tagged
 * with a registry host and port, and saved again, the names removed afterwards.
 */
class PodmanEngineTest {

  private static final Path SOCKET = EngineSockets.PODMAN_SOCKET;

  @TempDir Path dir;

  private EngineClient client;
  private final List<String> names = new ArrayList<>();
  private final String tag = "t" + System.nanoTime();

  @BeforeEach
  void connect() {
    assumeTrue(Files.exists(SOCKET), "no Podman service at " + SOCKET);
    try {
      client = EngineClient.connect(List.of(new UnixSocket(SOCKET, "test")));
    } catch (EngineUnavailableException e) {
      assumeTrue(false, e.getMessage());
    }
  }

  @AfterEach
  void removeNames() throws IOException {
    for (String name : names) {
      try (Response response = SocketHttp.exchange(SocketConnection.open(client.address(),
          EngineClient.TIMEOUTS.connect(), EngineClient.TIMEOUTS.idle()), "DELETE",
          "/images/" + EngineClient.segment(name), null, null)) {
        response.body().readAllBytes();
      }
    }
  }

  @Test
  void anImageGoesInIsFoundTaggedAndComesOutAgain() throws Exception {
    Image image = Image.uncompressed("amd64", "hello from the engine test");
    String loadedName = "localhost/distroless-engine-test/tiny:" + tag;
    String registryName = "127.0.0.1:15999/distroless-engine-test/tiny";
    names.add(loadedName);
    Path archive = TestImages.dockerArchive(dir.resolve("in.tar"), Map.of(loadedName, image));

    List<String> loaded = client.load(archive);

    assertTrue(loaded.stream().anyMatch(line -> line.contains(loadedName)), loaded.toString());
    assertEquals(Optional.of(image.configDigest()), client.imageId(loadedName));

    names.add(registryName + ":" + tag);
    client.tag(loadedName, registryName, tag);
    assertEquals(Optional.of(image.configDigest()), client.imageId(registryName + ":" + tag));

    Path saved = dir.resolve("out/saved.tar");
    client.save(registryName + ":" + tag, saved);
    Map<String, byte[]> entries = TestImages.untar(saved);
    JsonNode manifest = TestImages.JSON.readTree(entries.get("manifest.json"));
    assertEquals(List.of(registryName + ":" + tag),
        TestImages.texts(manifest.get(0).get("RepoTags")));
    assertEquals(image.config().length,
        entries.get(manifest.get(0).get("Config").asText()).length);
  }

  @Test
  void anImageItLacksIsNoneOrAFailureThatSaysHowToGetIt() throws Exception {
    String name = "127.0.0.1:15999/distroless-engine-test/absent:" + tag;

    assertEquals(Optional.empty(), client.imageId(name));
    EngineFailure e = assertThrows(EngineFailure.class,
        () -> client.save(name, dir.resolve("absent.tar")));
    assertEquals("The engine at unix://" + SOCKET + " has no image " + name + "; pull or build"
        + " it first: podman pull " + name, e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }
}
