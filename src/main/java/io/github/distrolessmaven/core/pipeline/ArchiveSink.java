package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.engine.EngineClient;
import io.github.distrolessmaven.core.engine.EngineUnavailableException;
import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an image archive goes as it is written: a file ({@code distroless:tar}), which appears
 * under its name only when whole, or the local Docker or Podman engine ({@code distroless:load}),
 * which reads it as it is written, with no copy of it on disk. Opened once, then committed; closed
 * without a commit, it leaves no file and no half-sent archive behind.
 */
abstract class ArchiveSink implements Closeable {

  /**
   * The sink of an archive going to {@code destination}.
   *
   * @param file the archive file, for {@link Destination#TAR}
   * @throws ImageBuildException when no engine answers, naming every socket tried
   */
  static ArchiveSink of(Destination destination, Path file, BuildLog log)
      throws ImageBuildException {
    if (destination == Destination.ENGINE) {
      return new ToEngine(connect(), log);
    }
    return new ToFile(file);
  }

  /**
   * The engine {@code DOCKER_HOST} names, else the first that answers at a default socket.
   *
   * @throws ImageBuildException when none answers, listing each socket tried and why
   */
  static EngineClient connect() throws ImageBuildException {
    try {
      return EngineClient.connect(System.getenv());
    } catch (EngineUnavailableException e) {
      throw new ImageBuildException(e.getMessage() + " Or write the image to a file with"
          + " distroless:tar and load it where an engine runs: docker load -i"
          + " target/distroless/image.tar (or podman load -i ...).", e);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot reach a Docker or Podman engine: " + e.getMessage(),
          e);
    }
  }

  /** Where the archive is written; closed by the writer when the archive is whole. */
  abstract OutputStream open() throws IOException;

  /**
   * After the archive is whole: the file renamed into place, or the engine's answer taken (and
   * logged, a line for each image it says it loaded).
   */
  abstract void commit() throws IOException;

  /** Where the archive went, for the build's summary: the file, or the engine. */
  abstract String where();

  /** A file, written beside its name and renamed over it once whole. */
  private static final class ToFile extends ArchiveSink {
    private final Path file;
    private Path temporary;

    ToFile(Path file) {
      this.file = file;
    }

    @Override
    OutputStream open() throws IOException {
      temporary = AtomicFiles.temporarySibling(file);
      return Files.newOutputStream(temporary);
    }

    @Override
    void commit() throws IOException {
      AtomicFiles.commit(temporary, file);
      temporary = null;
    }

    @Override
    String where() {
      return file.toString();
    }

    @Override
    public void close() {
      AtomicFiles.deleteQuietly(temporary);
    }
  }

  /**
   * The engine's {@code POST /images/load}, fed through a pipe: the archive is written on the
   * build's thread while another sends what it has to the engine, so no more than the pipe's
   * buffer of it is ever held. A refusal of the engine's ends the writing with the engine's
   * own words, not a broken pipe.
   */
  private static final class ToEngine extends ArchiveSink {
    private static final int PIPE_BUFFER = 1 << 20;

    private final EngineClient engine;
    private final BuildLog log;
    private Thread sender;
    private volatile List<String> answer;
    private volatile IOException failure;

    ToEngine(EngineClient engine, BuildLog log) {
      this.engine = engine;
      this.log = log;
    }

    @Override
    OutputStream open() throws IOException {
      PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
      PipedOutputStream out = new PipedOutputStream(in);
      log.info("Loading the image into the engine at " + engine.address());
      sender = new Thread(() -> {
        try (in) {
          answer = engine.load(in);
        } catch (IOException e) {
          failure = e;
        }
      }, "distroless-load");
      sender.setDaemon(true);
      sender.start();
      return new FilterOutputStream(out) {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          try {
            out.write(bytes, offset, length);
          } catch (IOException e) {
            throw engineFailureOr(e);
          }
        }

        @Override
        public void close() throws IOException {
          try {
            out.close();
          } catch (IOException e) {
            throw engineFailureOr(e);
          }
        }
      };
    }

    /** The engine's own failure when it ended the load, else the write's. */
    private IOException engineFailureOr(IOException writing) throws InterruptedIOException {
      try {
        sender.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the engine loaded the image");
      }
      return failure != null ? failure : writing;
    }

    @Override
    void commit() throws IOException {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the engine loaded the image");
      }
      if (failure != null) {
        throw failure;
      }
      answer.forEach(line -> log.info("The engine: " + line));
    }

    @Override
    String where() {
      return "the engine at " + engine.address();
    }

    @Override
    public void close() {
      if (sender != null && sender.isAlive()) {
        // Not committed: the engine gets a cut-off archive, which it refuses.
        sender.interrupt();
      }
    }
  }
}
