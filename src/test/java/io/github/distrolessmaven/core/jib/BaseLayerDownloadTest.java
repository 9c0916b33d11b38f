package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CachedLayer;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.TestImages;
import io.github.distrolessmaven.core.fixtures.TestLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the download leaves in the base-layer cache is what jib-core's own cache reads. */
class BaseLayerDownloadTest {

  @TempDir Path cache;

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void jibCoresCacheFindsTheCommittedLayerWithItsDiffId() throws Exception {
    byte[] tar = layerTar();
    byte[] gzip = gzip(tar);
    DescriptorDigest digest = digest(gzip);

    BaseLayerDownload download = BaseLayerDownload.start(
        cache, digest.toString(), () -> new ByteArrayInputStream(gzip), pool);
    DescriptorDigest diffId;
    try (InputStream arriving = download.follow()) {
      diffId = digest(new GZIPInputStream(arriving).readAllBytes());
    }
    download.commit(diffId.toString());

    Optional<CachedLayer> cached = Cache.withDirectory(cache).retrieve(digest);
    assertTrue(cached.isPresent());
    assertEquals(digest(tar), cached.get().getDiffId());
    assertEquals(gzip.length, cached.get().getSize());
    assertEquals(digest, cached.get().getDigest());
    assertTrue(isEmpty(cache.resolve("tmp")), "nothing is left under tmp/");
  }

  @Test
  void otherBytesThanTheDigestSaysAreRefusedAndNotCached() throws Exception {
    byte[] gzip = gzip(layerTar());
    DescriptorDigest claimed = digest("another layer".getBytes(StandardCharsets.UTF_8));

    BaseLayerDownload download = BaseLayerDownload.start(
        cache, claimed.toString(), () -> new ByteArrayInputStream(gzip), pool);
    DescriptorDigest diffId;
    try (InputStream arriving = download.follow()) {
      diffId = digest(new GZIPInputStream(arriving).readAllBytes());
    }
    IOException e = assertThrows(IOException.class, () -> download.commit(diffId.toString()));
    assertTrue(e.getMessage().contains("the registry sent " + digest(gzip)), e.getMessage());
    download.abandon();

    assertFalse(Cache.withDirectory(cache).retrieve(claimed).isPresent());
    assertTrue(isEmpty(cache.resolve("tmp")), "nothing is left under tmp/");
  }

  @Test
  void aFailedDownloadFailsTheReaderAndLeavesNothing() throws Exception {
    byte[] gzip = gzip(layerTar());
    DescriptorDigest digest = digest(gzip);
    BaseLayerDownload.Source breaking = () -> new InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent == gzip.length / 2) {
          throw new IOException("connection reset by the registry");
        }
        return gzip[sent++] & 0xff;
      }
    };

    BaseLayerDownload download =
        BaseLayerDownload.start(cache, digest.toString(), breaking, pool);
    try (InputStream arriving = download.follow()) {
      IOException e = assertThrows(IOException.class, arriving::readAllBytes);
      assertTrue(e.getMessage().contains("connection reset by the registry"), e.getMessage());
    }
    IOException e = assertThrows(IOException.class, () -> download.commit(digest.toString()));
    assertTrue(e.getMessage().contains("connection reset by the registry"), e.getMessage());
    download.abandon();

    assertFalse(Cache.withDirectory(cache).retrieve(digest).isPresent());
    assertTrue(isEmpty(cache.resolve("tmp")), "nothing is left under tmp/");
  }

  private static byte[] layerTar() throws IOException {
    return new TestLayer().file("var/lib/dpkg/status.d/libc6", "Package: libc6\nVersion: 2.41-12\n")
        .tar();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    return TestImages.gzip(bytes);
  }

  private static DescriptorDigest digest(byte[] bytes) throws Exception {
    return DescriptorDigest.fromDigest(Sha256.of(bytes));
  }

  private static boolean isEmpty(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return true;
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children.findAny().isEmpty();
    }
  }
}
