package io.github.distrolessmaven.core.engine;

import io.github.distrolessmaven.core.engine.EngineAddress.TcpPort;
import io.github.distrolessmaven.core.engine.EngineAddress.UnixSocket;
import io.github.distrolessmaven.core.files.Quietly;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A connection to an engine, as streams whose reads and writes give up when nothing moves for a
 * while. A Unix {@link SocketChannel} has no socket timeouts, so the channel is non-blocking and
 * each wait is a {@link Selector} wait: a dead engine is given up on after the idle time, while
 * a large image that keeps flowing is read for as long as it takes. An interrupt of the waiting
 * thread ends the wait too.
 */
final class SocketConnection implements Closeable {

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private volatile Duration idleTimeout;

  private SocketConnection(SocketChannel channel, Selector selector, Duration idleTimeout)
      throws IOException {
    this.channel = channel;
    this.selector = selector;
    this.key = channel.register(selector, 0);
    this.idleTimeout = idleTimeout;
  }

  /**
   * Connects to {@code address}.
   *
   * @param connectTimeout how long a TCP connection may take to be made; a Unix socket connects
   *     or fails at once
   * @param idleTimeout how long a read or write may wait for the engine, until changed
   */
  static SocketConnection open(EngineAddress address, Duration connectTimeout,
      Duration idleTimeout) throws IOException {
    SocketAddress remote;
    if (address instanceof UnixSocket unix) {
      remote = UnixDomainSocketAddress.of(unix.path());
    } else {
      TcpPort tcp = (TcpPort) address;
      InetSocketAddress resolved = new InetSocketAddress(tcp.host(), tcp.port());
      if (resolved.isUnresolved()) {
        throw new UnknownHostException("unknown host " + tcp.host());
      }
      remote = resolved;
    }
    SocketChannel channel = null;
    Selector selector = null;
    try {
      channel = remote instanceof UnixDomainSocketAddress
          ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
      channel.configureBlocking(false);
      selector = Selector.open();
      SocketConnection connection = new SocketConnection(channel, selector, connectTimeout);
      if (!channel.connect(remote)) {
        connection.finishConnect();
      }
      connection.idleTimeout(idleTimeout);
      return connection;
    } catch (IOException | RuntimeException e) {
      Quietly.close(selector);
      Quietly.close(channel);
      throw e;
    }
  }

  /** Changes how long later reads and writes may wait, e.g. after a quick first exchange. */
  void idleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  /** What the engine sends, unbuffered. */
  InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (true) {
          int read = channel.read(buffer);
          if (read != 0) {
            return read;
          }
          await(SelectionKey.OP_READ, "sent nothing");
        }
      }

      @Override
      public void close() throws IOException {
        SocketConnection.this.close();
      }
    };
  }

  /** What goes to the engine, unbuffered. */
  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
          if (channel.write(buffer) == 0) {
            await(SelectionKey.OP_WRITE, "took nothing");
          }
        }
      }

      @Override
      public void close() throws IOException {
        SocketConnection.this.close();
      }
    };
  }

  /** Tells the engine that the request is whole, where it reads to the end of the stream. */
  void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      channel.close();
    }
  }

  private void finishConnect() throws IOException {
    while (!channel.finishConnect()) {
      await(SelectionKey.OP_CONNECT, "did not accept the connection");
    }
  }

  /**
   * Waits until the channel is ready for {@code operation}.
   *
   * @param stalled what the engine did, as the timeout's message says it
   */
  private void await(int operation, String stalled) throws IOException {
    Duration timeout = idleTimeout;
    long deadline = System.nanoTime() + timeout.toNanos();
    key.interestOps(operation);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException("the engine " + stalled + " for " + text(timeout));
        }
        int ready = selector.select(Math.max(1, left / 1_000_000));
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted while waiting for the engine");
        }
        if (ready > 0) {
          selector.selectedKeys().clear();
          return;
        }
      }
    } finally {
      if (key.isValid()) {
        key.interestOps(0);
      }
    }
  }

  private static String text(Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }
}
