package io.github.distrolessmaven.core.base;

import static io.github.distrolessmaven.core.fixtures.TestImages.JSON;
import static io.github.distrolessmaven.core.fixtures.TestImages.hex;
import static io.github.distrolessmaven.core.fixtures.TestImages.texts;
import static io.github.distrolessmaven.core.fixtures.TestImages.untar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import io.github.distrolessmaven.core.fixtures.TestImages.Image;
import io.github.distrolessmaven.core.fixtures.TestImages.Layout;
import io.github.distrolessmaven.core.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jib-core, offline, builds on the docker-archive prepared from an OCI layout. */
class JibReadsPreparedBaseTest {

  @TempDir Path dir;

  @Test
  void jibBuildsOnThePreparedArchiveKeepingTheBaseLayerAsItIs() throws Exception {
    Image image = Image.of("amd64", "hello");
    Path layout = new Layout().add(image, "1.0").writeDirectory(dir.resolve("layout"));
    PreparedBase base =
        LocalBase.prepare("oci://" + layout + ":1.0", dir, dir.resolve("work"),
            Platform.LINUX_AMD64);
    Path out = dir.resolve("out.tar");

    Jib.from(TarImage.at(base.dockerArchive()))
        .setEntrypoint("/bin/true")
        .containerize(
            Containerizer.to(TarImage.at(out).named("test:1"))
                .setOfflineMode(true)
                .setBaseImageLayersCache(dir.resolve("base-cache"))
                .setApplicationLayersCache(dir.resolve("app-cache")));

    assertTrue(Files.isRegularFile(out));
    Map<String, byte[]> entries = untar(out);
    JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
    List<String> layers = texts(manifest.get("Layers"));
    // jib-core names each layer file by its compressed digest: the base's gzip blob passed through.
    assertEquals(List.of(hex(image.layerDigest()) + ".tar.gz"), layers);
    JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText()));
    assertEquals("amd64", config.get("architecture").asText());
    assertEquals("/bin/true", config.get("config").get("Entrypoint").get(0).asText());
  }
}
