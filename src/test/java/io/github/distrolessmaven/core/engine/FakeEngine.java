package io.github.distrolessmaven.core.engine;

import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine on a Unix socket of its own, answering each request as the test's {@link Handler}
 * says, byte for byte, so that a test can send what a real engine sends (chunked bodies, JSON
 * message streams) and what a failing one does (a body cut short, silence). Each request is
 * read whole (its body decoded from chunked coding or by Content-Length) before the handler
 * runs, and kept for the test to look at, unless the handler is told to answer at once.
 */
final class FakeEngine implements AutoCloseable {

  /** A request as the engine received it. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Answers one request by writing raw bytes; may also stall or close early. */
  @FunctionalInterface
  interface Handler {
    void answer(Request request, OutputStream out) throws Exception;
  }

  /** Answers a ping as Docker does, and everything else as {@code handler} says. */
  static Handler docker(Handler handler) {
    return (request, out) -> {
      if (request.target().equals("/_ping")) {
        write(out, "HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nContent-Length: 2\r\n\r\nOK");
      } else {
        handler.answer(request, out);
      }
    };
  }

  /** Answers a ping as Podman's Docker-compatible service does, and the rest as told. */
  static Handler podman(Handler handler) {
    return (request, out) -> {
      if (request.target().equals("/_ping")) {
        write(out, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nLibpod-Api-Version: 4.3.1\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\nOK");
      } else {
        handler.answer(request, out);
      }
    };
  }

  /** An answer with a Content-Length body. */
  static String answer(int status, String contentType, String body) {
    return "HTTP/1.1 " + status + " Whatever\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
        + body;
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private volatile boolean readBodies = true;

  FakeEngine(Path socket, Handler handler) throws IOException {
    this.socket = socket;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    this.acceptor = new Thread(() -> serve(handler), "fake-engine");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** This engine's address. */
  EngineAddress address() {
    return new UnixSocket(socket, "test");
  }

  /** The requests received so far, pings included. */
  List<Request> requests() {
    return requests;
  }

  /** The last request received that was not a ping. */
  Request lastRequest() {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (!requests.get(i).target().equals("/_ping")) {
        return requests.get(i);
      }
    }
    throw new AssertionError("no request but pings: " + requests);
  }

  /** Hands each request to the handler after its head only, its body unread. */
  FakeEngine answeringBeforeTheBody() {
    readBodies = false;
    return this;
  }

  @Override
  public void close() throws Exception {
    server.close();
    // Ends a handler that stalls on purpose.
    acceptor.interrupt();
    acceptor.join(5000);
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("the fake engine failed");
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  private void serve(Handler handler) {
    while (server.isOpen()) {
      try (SocketChannel channel = server.accept()) {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
        OutputStream out = Channels.newOutputStream(channel);
        Request request = read(in);
        requests.add(request);
        try {
          handler.answer(request, out);
        } catch (IOException e) {
          // The client went away, as some tests have it do.
        }
      } catch (IOException e) {
        // A client that went away before its request was whole, or the engine closed.
      } catch (InterruptedException e) {
        // A stalling handler cut short: the test is over.
        return;
      } catch (Exception | AssertionError e) {
        failures.add(e);
      }
    }
  }

  private Request read(InputStream in) throws IOException {
    String[] requestLine = BodyFraming.readLine(in).split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = BodyFraming.readLine(in); !line.isEmpty(); line = BodyFraming.readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    byte[] body = new byte[0];
    if (readBodies) {
      if ("chunked".equals(headers.get("transfer-encoding"))) {
        body = BodyFraming.chunked(in).readAllBytes();
      } else if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      }
    }
    return new Request(requestLine[0], requestLine[1], headers, body);
  }

  /** A body of {@code size} bytes that are not all alike. */
  static byte[] bytes(int size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    for (int i = 0; i < size; i++) {
      bytes.write((i * 31 + i / 251) & 0xff);
    }
    return bytes.toByteArray();
  }
}
