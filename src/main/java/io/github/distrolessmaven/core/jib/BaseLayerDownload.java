package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import io.github.distrolessmaven.core.blobs.GrowingFile;
import io.github.distrolessmaven.core.output.ScratchTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
final class BaseLayerDownload {

  private final Path cacheDirectory;
  private final DescriptorDigest digest;
  private final Path temporary;
  private final GrowingFile file;
  private final CompletableFuture<BlobDescriptor> written;

  private BaseLayerDownload(Path cacheDirectory, DescriptorDigest digest, Path temporary,
      GrowingFile file, CompletableFuture<BlobDescriptor> written) {
    this.cacheDirectory = cacheDirectory;
    this.digest = digest;
    this.temporary = temporary;
    this.file = file;
    this.written = written;
  }

  /**
   * Starts writing {@code blob}, the compressed layer {@code digest}, on {@code pool}.
   *
   * @throws IOException when the cache's temporary directory cannot be made
   */
  static BaseLayerDownload start(
      Path cacheDirectory, DescriptorDigest digest, Blob blob, Executor pool) throws IOException {
    Path temporary =
        JibCacheLayout.temporaryDirectory(cacheDirectory, digest.getHash().substring(0, 12));
    GrowingFile file = new GrowingFile(temporary.resolve("layer.partial"));
    OutputStream out = file.output();
    CompletableFuture<BlobDescriptor> written = CompletableFuture.supplyAsync(() -> {
      try {
        BlobDescriptor descriptor = blob.writeTo(out);
        out.close();
        return descriptor;
      } catch (IOException | RuntimeException e) {
        // Failed before the file is closed: the reader must see the failure, not an end.
        file.fail(e);
        closeQuietly(out);
        throw new WriteFailure(e);
      }
    }, pool);
    return new BaseLayerDownload(cacheDirectory, digest, temporary, file, written);
  }

  /** The compressed layer as it arrives, to its end; fails where the download fails. */
  InputStream follow() throws IOException {
    return file.follow();
  }

  /**
   * Waits for the download, checks it is the layer asked for, and moves it into the cache under
   * {@code diffId}. Another build that put the same layer there first wins; its copy is the same.
   *
   * @param diffId the digest of the layer uncompressed, which the caller read
   * @throws IOException when the download failed or the registry sent other bytes
   */
  void commit(DescriptorDigest diffId) throws IOException {
    BlobDescriptor descriptor = awaitWritten();
    if (!descriptor.getDigest().equals(digest)) {
      throw new IOException("the registry sent " + descriptor.getDigest() + " for layer " + digest);
    }
    JibCacheLayout.moveIn(cacheDirectory, temporary, file.path(), digest, diffId);
  }

  /** Forgets the download: waits for it to stop and deletes what it wrote. */
  void abandon() {
    try {
      awaitWritten();
    } catch (IOException e) {
      // It failed: nothing more will be written.
    }
    ScratchTrees.deleteQuietly(temporary);
  }

  private BlobDescriptor awaitWritten() throws IOException {
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

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // The write failed already; that failure is the one reported.
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
