package io.github.distrolessmaven.core.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.ArchivedImage;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.fixtures.FakeRegistry;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.registry.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageUploadTest {

  @TempDir Path dir;
  private FakeRegistry registry;
  private RegistryClient repository;

  @BeforeEach
  void start() throws IOException {
    registry = new FakeRegistry();
    repository = FakeRegistry.registries(dir.resolve("plain-http.properties"), registry)
        .push(registry.host(), "team/app", Optional.empty());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  /**
   * The layers go side by side: each layer's bytes are held back until every layer has been
   * opened, which blobs sent one at a time never reach.
   */
  @Test
  void theBlobsOfAnImageAreSentSideBySide() throws Exception {
    CountDownLatch everyLayerOpened = new CountDownLatch(ImageUpload.UPLOADS - 1);
    Image image = new Image(everyLayerOpened,
        "config", "layer one", "layer two", "layer three", "layer four");

    new ImageUpload(repository, new RecordingLog())
        .push(image, ImageReference.parse(registry.host() + "/team/app:1"), List.of("1"),
            Optional.empty());

    for (Map.Entry<String, byte[]> blob : image.contents.entrySet()) {
      assertEquals(new String(blob.getValue(), StandardCharsets.UTF_8),
          new String(registry.blob("team/app", blob.getKey()).orElseThrow(),
              StandardCharsets.UTF_8));
    }
    assertEquals(image.manifestDigest(),
        registry.manifest("team/app", "1").orElseThrow().digest());
  }

  @Test
  void aBlobTheRegistryRefusesStopsThePushBeforeAnyManifest() throws Exception {
    Image image = new Image(new CountDownLatch(0), "config", "layer one", "layer two");
    String refused = image.blobs().get(2).digest();
    registry.fail("PUT /v2/team/app/blobs/uploads/.*digest=" + refused.replace(":", "(:|%3A)"),
        100, 400, null);

    ImageBuildException e = assertThrows(ImageBuildException.class,
        () -> new ImageUpload(repository, new RecordingLog()).push(image,
            ImageReference.parse(registry.host() + "/team/app:1"), List.of("1"),
            Optional.empty()));

    assertTrue(e.getMessage().startsWith("Pushing layer " + refused + " to "), e.getMessage());
    assertTrue(registry.requests().stream().noneMatch(r -> r.startsWith("PUT /v2/team/app/manifests")),
        registry.requests().toString());
  }

  /** An image whose blobs are short texts; each layer waits for the others to be opened. */
  private static final class Image implements ArchivedImage {

    final Map<String, byte[]> contents = new LinkedHashMap<>();
    private final List<Blob> blobs = new ArrayList<>();
    private final CountDownLatch everyLayerOpened;
    private final byte[] manifest;

    Image(CountDownLatch everyLayerOpened, String... texts) {
      this.everyLayerOpened = everyLayerOpened;
      for (int i = 0; i < texts.length; i++) {
        byte[] content = texts[i].getBytes(StandardCharsets.UTF_8);
        String digest = Sha256.of(content);
        contents.put(digest, content);
        blobs.add(new Blob(digest, content.length, i == 0 ? "config" : "layer"));
      }
      StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\""
          + MediaTypes.OCI_MANIFEST + "\",\"config\":" + descriptor(blobs.get(0),
              "application/vnd.oci.image.config.v1+json") + ",\"layers\":[");
      for (int i = 1; i < blobs.size(); i++) {
        json.append(i > 1 ? "," : "")
            .append(descriptor(blobs.get(i), "application/vnd.oci.image.layer.v1.tar+gzip"));
      }
      manifest = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String descriptor(Blob blob, String mediaType) {
      return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + blob.digest()
          + "\",\"size\":" + blob.size() + "}";
    }

    @Override
    public String manifestDigest() {
      return Sha256.of(manifest);
    }

    @Override
    public String manifestMediaType() {
      return MediaTypes.OCI_MANIFEST;
    }

    @Override
    public byte[] manifestBytes() {
      return manifest.clone();
    }

    @Override
    public List<Blob> blobs() {
      return blobs;
    }

    @Override
    public InputStream open(Blob blob) throws IOException {
      if (blob.role().equals("layer")) {
        everyLayerOpened.countDown();
        try {
          if (!everyLayerOpened.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the other layers were not sent meanwhile");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      return new ByteArrayInputStream(contents.get(blob.digest()));
    }

    @Override
    public void close() {
      // Nothing to release.
    }
  }
}
