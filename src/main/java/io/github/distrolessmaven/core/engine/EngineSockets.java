package io.github.distrolessmaven.core.engine;

import io.github.distrolessmaven.core.engine.EngineAddress.TcpPort;
import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an engine is looked for: the one {@code DOCKER_HOST} names when it is set, and no other
 * (as the {@code docker} command does: an image must not go to an engine the user did not
 * mean); else Docker's socket, then rootful Podman's, then rootless Podman's under {@code
 * XDG_RUNTIME_DIR}, the first that answers. {@link EngineClient#address()} says which answered,
 * for the caller to log.
 *
 * <p>{@code DOCKER_HOST} may be {@code unix:///path} or {@code tcp://host[:port]} (2375 when no
 * port is given) spoken to in plain HTTP. An engine behind TLS ({@code DOCKER_TLS_VERIFY} set),
 * SSH or a Windows named pipe is refused with the fix rather than passed over: a value this
 * client cannot use is a mistake to correct, not a reason to try another engine.
 *
 * <p>The environment is a parameter, never read here, so that tests give their own.
 */
public final class EngineSockets {

  /** The variable the {@code docker} command reads for its engine. */
  public static final String DOCKER_HOST = "DOCKER_HOST";

  static final String DOCKER_TLS_VERIFY = "DOCKER_TLS_VERIFY";
  static final String XDG_RUNTIME_DIR = "XDG_RUNTIME_DIR";

  static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");
  static final Path PODMAN_SOCKET = Path.of("/run/podman/podman.sock");

  /** Docker's port for plain HTTP, the one {@code tcp://host} without a port means. */
  private static final int PLAIN_HTTP_PORT = 2375;

  private EngineSockets() {}

  /**
   * The addresses to try, in order, without repeats.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @throws EngineUnavailableException when {@code DOCKER_HOST} is set to an address this client
   *     cannot speak to; the message says what to set instead
   */
  public static List<EngineAddress> candidates(Map<String, String> environment)
      throws EngineUnavailableException {
    Map<Object, EngineAddress> candidates = new LinkedHashMap<>();
    String dockerHost = environment.get(DOCKER_HOST);
    if (dockerHost != null && !dockerHost.isBlank()) {
      return List.of(parseDockerHost(dockerHost.trim(), environment));
    }
    List<EngineAddress> defaults = new ArrayList<>();
    defaults.add(new UnixSocket(DOCKER_SOCKET, "Docker's default"));
    defaults.add(new UnixSocket(PODMAN_SOCKET, "Podman's default"));
    String runtimeDirectory = environment.get(XDG_RUNTIME_DIR);
    if (runtimeDirectory != null && runtimeDirectory.startsWith("/")) {
      defaults.add(new UnixSocket(Path.of(runtimeDirectory, "podman", "podman.sock"),
          "rootless Podman's, under " + XDG_RUNTIME_DIR));
    }
    for (EngineAddress address : defaults) {
      candidates.putIfAbsent(key(address), address);
    }
    return List.copyOf(candidates.values());
  }

  /**
   * The address {@code DOCKER_HOST} names.
   *
   * @param value the variable's value, trimmed, not blank
   * @throws EngineUnavailableException for a scheme or form this client cannot speak to
   */
  static EngineAddress parseDockerHost(String value, Map<String, String> environment)
      throws EngineUnavailableException {
    if (value.startsWith("unix://")) {
      String path = value.substring("unix://".length());
      if (!path.startsWith("/")) {
        throw EngineUnavailableException.unusableDockerHost(value, "a Unix socket is given by its"
            + " absolute path, with three slashes: unix:///var/run/docker.sock");
      }
      return new UnixSocket(Path.of(path).normalize(), DOCKER_HOST);
    }
    if (value.startsWith("tcp://")) {
      String tlsVerify = environment.get(DOCKER_TLS_VERIFY);
      if (tlsVerify != null && !tlsVerify.isEmpty()) {
        throw EngineUnavailableException.unusableDockerHost(value, DOCKER_TLS_VERIFY + " is set,"
            + " and this plugin speaks to an engine only in plain HTTP or over its Unix socket;"
            + " use the engine's Unix socket, or forward it (ssh -L /tmp/docker.sock:"
            + "/var/run/docker.sock host) and set " + DOCKER_HOST + "=unix:///tmp/docker.sock");
      }
      return parseTcp(value);
    }
    int scheme = value.indexOf("://");
    throw EngineUnavailableException.unusableDockerHost(value, (scheme > 0
        ? value.substring(0, scheme + 3) + " is not supported"
        : "it has no scheme") + "; give unix:///path/to/engine.sock or tcp://host:port (plain"
        + " HTTP)");
  }

  private static EngineAddress parseTcp(String value) throws EngineUnavailableException {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw EngineUnavailableException.unusableDockerHost(value, "it is not a valid address ("
          + e.getReason() + "); give tcp://host:port");
    }
    if (uri.getHost() == null) {
      throw EngineUnavailableException.unusableDockerHost(value, "it names no host; give"
          + " tcp://host:port");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
        || uri.getUserInfo() != null) {
      throw EngineUnavailableException.unusableDockerHost(value, "an engine is reached at"
          + " tcp://host:port alone, without a path, query or user");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new TcpPort(host, uri.getPort() < 0 ? PLAIN_HTTP_PORT : uri.getPort(), DOCKER_HOST);
  }

  /** What makes two addresses the same engine: the socket's path, or the host and port. */
  private static Object key(EngineAddress address) {
    if (address instanceof UnixSocket unix) {
      return unix.path().toAbsolutePath().normalize();
    }
    TcpPort tcp = (TcpPort) address;
    return tcp.host() + ":" + tcp.port();
  }
}
