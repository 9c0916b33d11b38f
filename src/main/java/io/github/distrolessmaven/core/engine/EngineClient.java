package io.github.distrolessmaven.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import io.github.distrolessmaven.core.engine.EngineUnavailableException.Attempt;
import io.github.distrolessmaven.core.engine.SocketHttp.Response;
import io.github.distrolessmaven.core.engine.SocketHttp.SourceFailure;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.Json;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The few requests of the Docker Engine API the plugin makes, to Docker or to Podman's
 * Docker-compatible service: an image's id, an image saved as a docker-archive, a docker-archive
 * loaded, an image tagged. It speaks to the first engine of {@link EngineSockets} that answers
 * its ping, over that engine's Unix socket, with no client library and no {@code docker}
 * command.
 *
 * <p>Image names are percent-encoded whole in paths ({@code /} as {@code %2F}, {@code :} as
 * {@code %3A}): both engines decode them, while a raw {@code /} in a name is misread by some
 * versions of either.
 *
 * <p>Names are resolved as the engine resolves them. Docker reads a short name as one on Docker
 * Hub ({@code app:1} is {@code docker.io/library/app:1}); Podman also matches it against the
 * names it has ({@code app:1} finds {@code localhost/app:1} or {@code 127.0.0.1:5000/team/app:1}).
 *
 * <p>Each request has its own connection. Making one gives up after a few seconds; a request
 * gives up only when the engine sends or takes nothing for {@link Timeouts#idle()}, so a large
 * image is read or sent for as long as it keeps flowing.
 */
public final class EngineClient {

  /**
   * How long the client waits.
   *
   * @param connect for a connection to be made
   * @param ping for the answer to the ping that tells an engine from another listener
   * @param idle for any byte of a request's answer, or for the engine to take more of a body;
   *     an engine may work a while before the first byte (Podman writes a whole archive before
   *     sending it, and loads one whole before answering)
   */
  record Timeouts(Duration connect, Duration ping, Duration idle) {}

  static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofMinutes(5));

  /** Image descriptions and error answers are small; anything larger is not one. */
  private static final int MAX_DOCUMENT = 1 << 20;

  private final EngineAddress address;
  private final String command;
  private final Timeouts timeouts;

  private EngineClient(EngineAddress address, String command, Timeouts timeouts) {
    this.address = address;
    this.command = command;
    this.timeouts = timeouts;
  }

  /**
   * A client of the first engine of {@link EngineSockets#candidates} that answers.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @throws EngineUnavailableException when none answers, listing each address and why, or when
   *     {@code DOCKER_HOST} is set to one this client cannot use
   */
  public static EngineClient connect(Map<String, String> environment)
      throws EngineUnavailableException {
    return connect(EngineSockets.candidates(environment));
  }

  /**
   * A client of the first of {@code candidates} that answers a ping as an engine.
   *
   * @throws EngineUnavailableException when none answers, listing each address and why
   */
  public static EngineClient connect(List<EngineAddress> candidates)
      throws EngineUnavailableException {
    return connect(candidates, TIMEOUTS);
  }

  /** {@link #connect(List)} with other timeouts, for tests that cannot wait minutes. */
  static EngineClient connect(List<EngineAddress> candidates, Timeouts timeouts)
      throws EngineUnavailableException {
    List<Attempt> attempts = new ArrayList<>();
    for (EngineAddress candidate : candidates) {
      if (candidate instanceof UnixSocket unix && !Files.exists(unix.path())) {
        attempts.add(new Attempt(candidate, "does not exist"));
        continue;
      }
      try {
        return new EngineClient(candidate, ping(candidate, timeouts), timeouts);
      } catch (IOException e) {
        attempts.add(new Attempt(candidate, whyNot(candidate, e)));
      }
    }
    throw EngineUnavailableException.noneAnswered(attempts);
  }

  /** The engine this client speaks to, for messages: {@code unix:///var/run/docker.sock}. */
  public EngineAddress address() {
    return address;
  }

  /**
   * The id of an image the engine has, by name or id.
   *
   * @param reference e.g. {@code 127.0.0.1:5000/app:1}, {@code app}, {@code sha256:...}
   * @return its id, {@code sha256:} and 64 hex digits; empty when the engine has no such image
   * @throws IOException an {@link EngineFailure} when the engine answers otherwise or the
   *     connection breaks, a {@link FormatException} when its answer is not JSON
   */
  public Optional<String> imageId(String reference) throws IOException {
    String request = "GET /images/" + reference + "/json";
    try (Response response = send("GET", "/images/" + segment(reference) + "/json", null, null,
        "asking for image " + reference)) {
      if (response.status() == 404) {
        return Optional.empty();
      }
      if (response.status() != 200) {
        throw failure(response, request);
      }
      ObjectNode image = Json.readObject(read(response, "asking for image " + reference),
          "the answer of the engine at " + address + " to " + request);
      String id = Json.text(image, "Id").orElseThrow(
          () -> EngineFailure.unexpected(address, request, "without the image's Id"));
      return Optional.of(id.matches("[0-9a-f]{64}") ? "sha256:" + id : id);
    }
  }

  /**
   * Writes an image the engine has as a docker-archive ({@code docker save}) to {@code target}.
   * The archive is written beside the target and renamed over it once whole: a failure leaves
   * the target as it was.
   *
   * @param reference the image's name or id
   * @throws EngineFailure when the engine has no such image (naming the command that would pull
   *     it), answers otherwise, or breaks off the archive
   * @throws IOException when {@code target} cannot be written
   */
  public void save(String reference, Path target) throws IOException {
    String doing = "reading image " + reference;
    Path temporary = AtomicFiles.temporarySibling(target);
    try {
      try (Response response = send("GET", "/images/" + segment(reference) + "/get", null, null,
          doing)) {
        if (response.status() == 404) {
          throw EngineFailure.noSuchImage(address, reference, command);
        }
        if (response.status() != 200) {
          throw failure(response, "GET /images/" + reference + "/get");
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
          copy(response.body(), out, doing);
        }
      }
      AtomicFiles.commit(temporary, target);
    } finally {
      AtomicFiles.deleteQuietly(temporary);
    }
  }

  /**
   * Loads a docker-archive into the engine ({@code docker load}), sent as it is read.
   *
   * @return what the engine says it loaded, one line each, e.g. {@code Loaded image: app:1}
   * @throws EngineFailure when the engine refuses the archive, with its own message, or the
   *     connection breaks
   * @throws IOException when {@code dockerArchive} cannot be read
   */
  public List<String> load(InputStream dockerArchive) throws IOException {
    String request = "POST /images/load";
    String doing = "sending an image archive";
    try (Response response = send("POST", "/images/load?quiet=1", "application/x-tar",
        Objects.requireNonNull(dockerArchive), doing)) {
      if (response.status() != 200) {
        throw failure(response, request);
      }
      return loaded(response, request);
    }
  }

  /** {@link #load(InputStream)} of a file. */
  public List<String> load(Path dockerArchive) throws IOException {
    try (InputStream in = Files.newInputStream(dockerArchive)) {
      return load(in);
    }
  }

  /**
   * Gives an image the engine has another name ({@code docker tag}).
   *
   * @param image the image's name or id
   * @param repository e.g. {@code 127.0.0.1:5000/app}
   * @param tag e.g. {@code 1.0}
   * @throws EngineFailure when the engine has no such image, or refuses the name
   */
  public void tag(String image, String repository, String tag) throws IOException {
    String target = "/images/" + segment(image) + "/tag?repo=" + segment(repository) + "&tag="
        + segment(tag);
    try (Response response = send("POST", target, null, null, "tagging image " + image)) {
      if (response.status() == 404) {
        throw EngineFailure.noSuchImage(address, image, command);
      }
      if (response.status() < 200 || response.status() > 299) {
        throw failure(response, "POST /images/" + image + "/tag as " + repository + ":" + tag);
      }
    }
  }

  /**
   * Pings {@code candidate}: an engine answers {@code GET /_ping} with 200 and {@code OK}.
   *
   * @return the command that speaks to it, {@code docker} or {@code podman}
   */
  private static String ping(EngineAddress candidate, Timeouts timeouts) throws IOException {
    SocketConnection connection = SocketConnection.open(candidate, timeouts.connect(),
        timeouts.ping());
    try (Response response = SocketHttp.exchange(connection, "GET", "/_ping", null, null)) {
      String body = new String(response.readBody(1024), StandardCharsets.UTF_8).strip();
      if (response.status() != 200 || !body.equals("OK")) {
        throw new NotAnEngine("HTTP " + response.status() + " to GET /_ping");
      }
      return response.header("Libpod-Api-Version").isPresent() ? "podman" : "docker";
    }
  }

  /** Why a candidate did not serve, as the list of them says it. */
  private static String whyNot(EngineAddress candidate, IOException e) {
    boolean unix = candidate instanceof UnixSocket;
    if (unix && !isSocket(((UnixSocket) candidate).path())) {
      return "is not a socket";
    }
    if (e instanceof NotAnEngine) {
      return "answered, but not as a Docker or Podman engine (" + e.getMessage() + ")";
    }
    if (e instanceof ConnectException) {
      return unix ? "refused the connection: no engine listens there (a stopped engine can"
          + " leave its socket behind)" : "refused the connection: nothing listens on that port";
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("Permission denied")) {
      return "permission denied: your user may not use this socket (for Docker, join the docker"
          + " group: sudo usermod -aG docker $USER, then log in again)";
    }
    if (e instanceof SocketTimeoutException) {
      return "did not answer: " + message;
    }
    if (e instanceof UnknownHostException) {
      return message;
    }
    if (e instanceof EOFException) {
      return "closed the connection without answering as an engine";
    }
    if (message.startsWith("the answer is not HTTP")) {
      return "answered, but not as a Docker or Podman engine (" + message + ")";
    }
    return message;
  }

  /** Whether {@code path} is a socket, or some other special file that may stand for one. */
  private static boolean isSocket(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).isOther();
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Sends a request and reads the answer's status and headers.
   *
   * @param doing what the request is for, as a message says it
   */
  private Response send(String method, String target, String contentType, InputStream body,
      String doing) throws IOException {
    SocketConnection connection;
    try {
      connection = SocketConnection.open(address, timeouts.connect(), timeouts.idle());
    } catch (IOException e) {
      throw EngineFailure.broken(address, doing, e);
    }
    try {
      return SocketHttp.exchange(connection, method, target, contentType, body);
    } catch (SourceFailure e) {
      throw e.getCause();
    } catch (IOException e) {
      throw EngineFailure.broken(address, doing, e);
    }
  }

  /** Copies an answer's body, telling the engine's failures from the target's. */
  private void copy(InputStream body, OutputStream out, String doing) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      int read;
      try {
        read = body.read(buffer);
      } catch (IOException e) {
        throw EngineFailure.broken(address, doing, e);
      }
      if (read < 0) {
        return;
      }
      out.write(buffer, 0, read);
    }
  }

  private byte[] read(Response response, String doing) throws EngineFailure {
    try {
      return response.readBody(MAX_DOCUMENT);
    } catch (IOException e) {
      throw EngineFailure.broken(address, doing, e);
    }
  }

  /**
   * The lines of a load's answer, a stream of JSON messages: {@code stream} lines are what was
   * loaded; a message with {@code error} or {@code errorDetail} is the engine's refusal.
   */
  private List<String> loaded(Response response, String request) throws IOException {
    List<String> lines = new ArrayList<>();
    String where = "the answer of the engine at " + address + " to " + request;
    try (MappingIterator<JsonNode> messages = Json.MAPPER.readerFor(JsonNode.class)
        .readValues(response.body())) {
      while (messages.hasNextValue()) {
        JsonNode message = messages.nextValue();
        Optional<String> error = Optional.ofNullable(message.get("errorDetail"))
            .flatMap(detail -> Json.text(detail, "message"))
            .or(() -> Json.text(message, "error"));
        if (error.isPresent()) {
          throw EngineFailure.loadRefused(address, error.get());
        }
        Json.text(message, "stream").ifPresent(stream -> stream.lines().map(String::strip)
            .filter(line -> !line.isEmpty()).forEach(lines::add));
      }
    } catch (EngineFailure e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new FormatException(where + " is not a stream of JSON messages ("
          + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw EngineFailure.broken(address, "reading " + where, e);
    }
    return lines;
  }

  /** A failure for an answer with an unexpected status, with the engine's own message. */
  private EngineFailure failure(Response response, String request) {
    String engineMessage;
    try {
      byte[] body = response.readBody(MAX_DOCUMENT);
      String text = new String(body, StandardCharsets.UTF_8).strip();
      engineMessage = text.startsWith("{")
          ? Json.text(Json.readObject(body, "an error answer"), "message").orElse(text)
          : text.lines().findFirst().orElse("");
    } catch (IOException e) {
      engineMessage = "";
    }
    if (engineMessage.length() > 1000) {
      engineMessage = engineMessage.substring(0, 1000) + "...";
    }
    return EngineFailure.answered(address, response.status(), request, engineMessage);
  }

  /**
   * {@code value} percent-encoded for a path segment or a query value: all but RFC 3986's
   * unreserved characters, so that a {@code /}, {@code :} or {@code @} of an image name stays in
   * its segment.
   */
  static String segment(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  /** A listener that answered the ping, but not as an engine does. */
  private static final class NotAnEngine extends IOException {
    private static final long serialVersionUID = 1L;

    NotAnEngine(String message) {
      super(message);
    }
  }
}
