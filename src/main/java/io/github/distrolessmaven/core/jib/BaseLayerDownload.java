package io.github.distrolessmaven.core.jib;

import io.github.distrolessmaven.core.blobs.GrowingFile;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.Quietly;
import io.github.distrolessmaven.core.files.ScratchTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * One base layer downloaded into jib-core's base-layer cache, laid out as jib-core lays it out
 * ({@code layers/<digest>/<diff id>}, written under {@code tmp/} and moved in whole), but read
 * while it arrives: the caller learns the layer's files and its diff ID from {@link #follow()} in
 * the same pass, where jib-core would decompress the written file once more for the diff ID.
 * {@code BaseLayerDownloadTest} checks that jib-core's cache finds what is written here.
 */
public final class BaseLayerDownload {

  /** Where a download's bytes come from: opened once, on the download's thread. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private final Path cacheDirectory;
  private final String digest;
  private final Path temporary;
  private final GrowingFile file;
  private final CompletableFuture<Sha256.Copied> written;

  private BaseLayerDownload(Path cacheDirectory, String digest, Path temporary,
      GrowingFile file, CompletableFuture<Sha256.Copied> written) {
    this.cacheDirectory = cacheDirectory;
    this.digest = digest;
    this.temporary = temporary;
    this.file = file;
    this.written = written;
  }

  /**
   * The compressed layer {@code digest} as jib-core's cache holds it, if it does.
   *
   * @throws IOException when the cache holds something else there
   */
  public static Optional<Path> cached(Path cacheDirectory, String digest) throws IOException {
    return JibCacheLayout.layerFile(cacheDirectory, digest);
  }

  /**
   * Starts writing the compressed layer {@code digest} from {@code source}, on {@code pool}.
   *
   * @throws IOException when the cache's temporary directory cannot be made
   */
  public static BaseLayerDownload start(
      Path cacheDirectory, String digest, Source source, Executor pool) throws IOException {
    Path temporary =
        JibCacheLayout.temporaryDirectory(cacheDirectory, Sha256.hex(digest).substring(0, 12));
    GrowingFile file = new GrowingFile(temporary.resolve("layer.partial"));
    OutputStream out = file.output();
    CompletableFuture<Sha256.Copied> written = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = source.open()) {
        Sha256.Copied copied = Sha256.copy(in, out);
        out.close();
        return copied;
      } catch (IOException | RuntimeException e) {
        // Failed before the file is closed: the reader must see the failure, not an end.
        file.fail(e);
        Quietly.close(out);
        throw new WriteFailure(e);
      }
    }, pool);
    return new BaseLayerDownload(cacheDirectory, digest, temporary, file, written);
  }

  /** The compressed layer as it arrives, to its end; fails where the download fails. */
  public InputStream follow() throws IOException {
    return file.follow();
  }

  /**
   * Waits for the download, checks it is the layer asked for, and moves it into the cache under
   * {@code diffId}. Another build that put the same layer there first wins; its copy is the same.
   *
   * @param diffId the digest of the layer uncompressed, which the caller read
   * @throws IOException when the download failed or the registry sent other bytes
   */
  public void commit(String diffId) throws IOException {
    Sha256.Copied copied = awaitWritten();
    if (!copied.digest().equals(digest)) {
      throw new IOException("the registry sent " + copied.digest() + " for layer " + digest);
    }
    JibCacheLayout.moveIn(cacheDirectory, temporary, file.path(), digest, diffId);
  }

  /** Forgets the download: waits for it to stop and deletes what it wrote. */
  public void abandon() {
    try {
      awaitWritten();
    } catch (IOException e) {
      // It failed: nothing more will be written.
    }
    ScratchTrees.deleteQuietly(temporary);
  }

  private Sha256.Copied awaitWritten() throws IOException {
    try {
      return written.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading layer " + digest);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof WriteFailure ? e.getCause().getCause() : e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException("downloading layer " + digest + " failed: " + cause, cause);
    }
  }

  /** Carries the download's exception out of the future. */
  private static final class WriteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteFailure(Exception cause) {
      super(cause);
    }
  }
}
