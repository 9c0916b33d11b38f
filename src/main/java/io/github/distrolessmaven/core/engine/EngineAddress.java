package io.github.distrolessmaven.core.engine;

import java.nio.file.Path;

/**
 * Where a Docker or Podman engine may listen: a Unix socket, or a TCP port spoken to in plain
 * HTTP. Each says where it was found ({@code DOCKER_HOST}, a default), which a message naming
 * the address repeats so that a user knows which setting to change.
 */
public sealed interface EngineAddress {

  /** Where the address came from, as a message names it: {@code DOCKER_HOST}, a default. */
  String origin();

  /** A Unix socket, as Docker and Podman listen by default. */
  record UnixSocket(Path path, String origin) implements EngineAddress {

    @Override
    public String toString() {
      return "unix://" + path;
    }
  }

  /**
   * A TCP port over which the engine speaks plain HTTP, as {@code DOCKER_HOST=tcp://host:2375}
   * asks. An engine that wants TLS is refused where the address is read.
   */
  record TcpPort(String host, int port, String origin) implements EngineAddress {

    @Override
    public String toString() {
      return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
