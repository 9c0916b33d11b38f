package io.github.distrolessmaven.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.engine.EngineAddress.TcpPort;
import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where an engine is looked for, and what DOCKER_HOST may say. */
class EngineSocketsTest {

  private static List<String> uris(Map<String, String> environment)
      throws EngineUnavailableException {
    return EngineSockets.candidates(environment).stream().map(Object::toString).toList();
  }

  @Test
  void withoutAnyVariableDockerComesBeforePodman() throws Exception {
    assertEquals(List.of("unix:///var/run/docker.sock", "unix:///run/podman/podman.sock"),
        uris(Map.of()));
  }

  @Test
  void rootlessPodmanComesLastUnderTheRuntimeDirectory() throws Exception {
    assertEquals(List.of("unix:///var/run/docker.sock", "unix:///run/podman/podman.sock",
        "unix:///run/user/1000/podman/podman.sock"),
        uris(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")));
  }

  @Test
  void aRelativeRuntimeDirectoryIsNoPlaceToLook() throws Exception {
    assertEquals(2, uris(Map.of("XDG_RUNTIME_DIR", "run/user/1000")).size());
  }

  @Test
  void dockerHostIsTheOnlyEngineWhenSetAndSaysWhereItCameFrom() throws Exception {
    List<EngineAddress> candidates = EngineSockets.candidates(Map.of(
        "DOCKER_HOST", "unix:///home/me/.docker/run/docker.sock",
        "XDG_RUNTIME_DIR", "/run/user/1000"));

    // As the docker command: an image must not go to an engine the user did not mean.
    assertEquals(List.of(
        new UnixSocket(Path.of("/home/me/.docker/run/docker.sock"), "DOCKER_HOST")), candidates);
  }

  @Test
  void aDockerHostPathIsNormalized() throws Exception {
    List<EngineAddress> candidates = EngineSockets.candidates(Map.of(
        "DOCKER_HOST", "unix:///run/podman/../podman/podman.sock"));

    assertEquals(List.of("unix:///run/podman/podman.sock"),
        candidates.stream().map(Object::toString).toList());
    assertEquals("DOCKER_HOST", candidates.get(0).origin());
  }

  @Test
  void aBlankDockerHostIsUnset() throws Exception {
    assertEquals(uris(Map.of()), uris(Map.of("DOCKER_HOST", "  ")));
  }

  @Test
  void tcpIsPlainHttpOnTheGivenPortOr2375() throws Exception {
    assertEquals(new TcpPort("engine.example", 12375, "DOCKER_HOST"),
        EngineSockets.candidates(Map.of("DOCKER_HOST", "tcp://engine.example:12375")).get(0));
    assertEquals(new TcpPort("engine.example", 2375, "DOCKER_HOST"),
        EngineSockets.candidates(Map.of("DOCKER_HOST", "tcp://engine.example/")).get(0));
    EngineAddress ipv6 = EngineSockets.candidates(Map.of("DOCKER_HOST", "tcp://[::1]:2375"))
        .get(0);
    assertEquals(new TcpPort("::1", 2375, "DOCKER_HOST"), ipv6);
    assertEquals("tcp://[::1]:2375", ipv6.toString());
  }

  @Test
  void tcpWithTlsIsRefusedWithAWayOut() {
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> EngineSockets.candidates(Map.of("DOCKER_HOST", "tcp://engine.example:2376",
            "DOCKER_TLS_VERIFY", "1")));

    assertEquals("DOCKER_HOST=tcp://engine.example:2376 cannot be used: DOCKER_TLS_VERIFY is"
        + " set, and this plugin speaks to an engine only in plain HTTP or over its Unix"
        + " socket; use the engine's Unix socket, or forward it (ssh -L"
        + " /tmp/docker.sock:/var/run/docker.sock host) and set"
        + " DOCKER_HOST=unix:///tmp/docker.sock. Or unset DOCKER_HOST to use the engine at its"
        + " default socket.", e.getMessage());
    assertEquals(List.of(), e.attempts());
  }

  @Test
  void otherSchemesAreRefusedNamingTheOnesThatWork() {
    EngineUnavailableException ssh = assertThrows(EngineUnavailableException.class,
        () -> EngineSockets.candidates(Map.of("DOCKER_HOST", "ssh://me@engine.example")));
    assertEquals("DOCKER_HOST=ssh://me@engine.example cannot be used: ssh:// is not supported;"
        + " give unix:///path/to/engine.sock or tcp://host:port (plain HTTP). Or unset"
        + " DOCKER_HOST to use the engine at its default socket.", ssh.getMessage());

    EngineUnavailableException bare = assertThrows(EngineUnavailableException.class,
        () -> EngineSockets.candidates(Map.of("DOCKER_HOST", "/var/run/docker.sock")));
    assertTrue(bare.getMessage().contains("it has no scheme; give unix:///path/to/engine.sock"),
        bare.getMessage());
  }

  @Test
  void aUnixSocketNeedsItsAbsolutePath() {
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> EngineSockets.candidates(Map.of("DOCKER_HOST", "unix://var/run/docker.sock")));

    assertTrue(e.getMessage().startsWith("DOCKER_HOST=unix://var/run/docker.sock cannot be used:"
        + " a Unix socket is given by its absolute path, with three slashes:"
        + " unix:///var/run/docker.sock"), e.getMessage());
  }

  @Test
  void tcpWithAPathIsRefused() {
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> EngineSockets.candidates(Map.of("DOCKER_HOST", "tcp://engine.example:2375/v1.41")));

    assertTrue(e.getMessage().contains("without a path, query or user"), e.getMessage());
  }
}
