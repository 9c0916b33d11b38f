package io.github.distrolessmaven.core.engine;

import io.github.distrolessmaven.core.files.Quietly;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP/1.1 an engine's API needs, over one {@link SocketConnection} per request: a request
 * line and a few headers, a body sent in chunked transfer coding as it is read (an image archive
 * is never held whole), and an answer whose body is framed by {@code Content-Length}, chunked
 * coding or the end of the connection. Every request says {@code Connection: close}: an engine
 * is local, and one connection per request keeps a broken answer from spoiling the next.
 *
 * <p>The JDK's HTTP clients cannot speak over a Unix socket, hence this codec.
 */
final class SocketHttp {

  /** The host every request names; an engine ignores it, but HTTP/1.1 wants one. */
  private static final String HOST = "localhost";
  private static final int MAX_HEADERS = 100;
  private static final int COPY_BUFFER = 64 * 1024;

  /**
   * An answer: its status, its headers by lower-case name, and its body, to be read once.
   * Closing it closes the connection.
   */
  record Response(int status, Map<String, String> headers, InputStream body)
      implements Closeable {

    /** A header's value, by name in any case. */
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The whole body, for an answer that is a small document.
     *
     * @param max the most bytes the document may have
     * @throws IOException when it has more, or the connection breaks
     */
    byte[] readBody(int max) throws IOException {
      byte[] bytes = body.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException("the engine's answer is larger than the " + max + " bytes expected");
      }
      return bytes;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** Reading the body to send failed; its cause is the source's own failure, not the engine's. */
  static final class SourceFailure extends IOException {

    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private SocketHttp() {}

  /**
   * Sends a request over {@code connection} and reads the answer's status and headers. The
   * connection then belongs to the answer, or is closed when this throws.
   *
   * @param target the path and query, already percent-encoded
   * @param contentType the body's media type; null when there is no body
   * @param body sent in chunked coding as it is read; null for none
   * @throws SourceFailure when reading {@code body} failed
   * @throws IOException when the connection breaks or the answer is not HTTP
   */
  static Response exchange(SocketConnection connection, String method, String target,
      String contentType, InputStream body) throws IOException {
    try {
      InputStream in = new BufferedInputStream(connection.input(), COPY_BUFFER);
      SocketOutput socket = new SocketOutput(connection.output());
      OutputStream out = new BufferedOutputStream(socket, 8192);
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: ").append(HOST).append("\r\n")
          .append("User-Agent: distroless-maven-plugin\r\n")
          .append("Connection: close\r\n");
      if (body == null) {
        if (method.equals("POST") || method.equals("PUT")) {
          head.append("Content-Length: 0\r\n");
        }
      } else {
        head.append("Content-Type: ").append(contentType).append("\r\n")
            .append("Transfer-Encoding: chunked\r\n");
      }
      head.append("\r\n");
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body == null) {
          out.flush();
        } else {
          sendChunked(body, out);
        }
      } catch (IOException e) {
        if (!socket.failed) {
          throw e;
        }
        // An engine may answer and close before it has read the whole body; its answer says why.
        Response early = earlyAnswer(method, in, e);
        if (early == null) {
          throw e;
        }
        return early;
      }
      return readResponse(method, in);
    } catch (IOException | RuntimeException e) {
      Quietly.close(connection);
      throw e;
    }
  }

  private static void sendChunked(InputStream body, OutputStream out) throws IOException {
    OutputStream chunked = BodyFraming.chunked(out);
    byte[] buffer = new byte[COPY_BUFFER];
    while (true) {
      int read;
      try {
        read = body.read(buffer);
      } catch (IOException e) {
        throw new SourceFailure(e);
      }
      if (read < 0) {
        break;
      }
      chunked.write(buffer, 0, read);
    }
    chunked.close();
  }

  /** The engine's answer after a failed send, if it gave a refusal; null otherwise. */
  private static Response earlyAnswer(String method, InputStream in, IOException sendFailure) {
    try {
      Response response = readResponse(method, in);
      if (response.status() >= 400) {
        return response;
      }
      Quietly.close(response);
    } catch (IOException e) {
      sendFailure.addSuppressed(e);
    }
    return null;
  }

  private static Response readResponse(String method, InputStream in) throws IOException {
    while (true) {
      int status = parseStatusLine(BodyFraming.readLine(in));
      Map<String, String> headers = readHeaders(in);
      if (status >= 100 && status < 200) {
        // An interim answer (100 Continue): the real one follows.
        continue;
      }
      return new Response(status, headers, body(method, status, headers, in));
    }
  }

  private static int parseStatusLine(String line) throws IOException {
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")
        || !parts[1].matches("[1-5][0-9][0-9]")) {
      String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
      throw new IOException("the answer is not HTTP: "
          + shown.replaceAll("[^\\x20-\\x7e]", "?"));
    }
    return Integer.parseInt(parts[1]);
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String line = BodyFraming.readLine(in);
      if (line.isEmpty()) {
        return headers;
      }
      if (headers.size() >= MAX_HEADERS) {
        throw new IOException("the answer has more than " + MAX_HEADERS + " headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("the answer has a header line that is not one: " + line);
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      headers.merge(name, value, (first, second) -> first + ", " + second);
    }
  }

  private static InputStream body(String method, int status, Map<String, String> headers,
      InputStream in) throws IOException {
    if (method.equals("HEAD") || status == 204 || status == 304) {
      return BodyFraming.lengthBound(in, 0);
    }
    String transferEncoding = headers.get("transfer-encoding");
    if (transferEncoding != null
        && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return BodyFraming.chunked(in);
    }
    String contentLength = headers.get("content-length");
    if (contentLength != null) {
      try {
        long length = Long.parseLong(contentLength.strip());
        if (length >= 0) {
          return BodyFraming.lengthBound(in, length);
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new IOException("the answer has an invalid Content-Length: " + contentLength);
    }
    return in;
  }

  /** The connection's output, noting whether a write to it failed. */
  private static final class SocketOutput extends FilterOutputStream {
    boolean failed;

    SocketOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }
}
