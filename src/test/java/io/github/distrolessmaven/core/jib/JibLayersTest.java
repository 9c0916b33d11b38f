package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.ReproducibleLayerBuilder;
import com.google.common.collect.ImmutableList;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.blobs.ParallelGzipOutputStream;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jib-core takes the layers built ahead from its cache instead of building them again. */
class JibLayersTest {

  private static final BuildLog QUIET = new BuildLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void debug(String message) {}
  };

  @TempDir Path dir;

  @Test
  void jibCoreUsesTheLayerBuiltAhead() throws Exception {
    Path jar = dir.resolve("lib.jar");
    Files.writeString(jar, "the jar as it was when the layer was built");
    FileTime modified = Files.getLastModifiedTime(jar);
    LayerPlan plan = plan("/app/libs/lib.jar", jar);
    FileEntriesLayer layer = JibContainerConfig.layers(plan, Instant.EPOCH).get(0);
    Path cacheDirectory = dir.resolve("app-cache");

    JibLayers.start(cacheDirectory, plan, Instant.EPOCH, QUIET).await();
    String builtAhead = Cache.withDirectory(cacheDirectory)
        .retrieve(ImmutableList.copyOf(layer.getEntries())).orElseThrow().getDigest().getHash();

    // Same path, size and time, other bytes: only a layer taken from the cache still holds the
    // old ones.
    Files.writeString(jar, "the jar as it is when jib-core runs!!!!!!!");
    Files.setLastModifiedTime(jar, modified);
    assertEquals(builtAhead, layerIn(containerize(layer, cacheDirectory, "ahead.tar")));
    assertNotEquals(builtAhead,
        layerIn(containerize(layer, dir.resolve("fresh-cache"), "fresh.tar")),
        "a fresh cache builds the layer from the new bytes");
  }

  @Test
  void aLargeLayerIsCompressedInParallelAndFiledAsJibCoreFilesIt() throws Exception {
    Path jar = dir.resolve("big.jar");
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(content);
    Files.write(jar, content);
    LayerPlan plan = plan("/app/libs/big.jar", jar);
    ImmutableList<FileEntry> entries =
        ImmutableList.copyOf(JibContainerConfig.layers(plan, Instant.EPOCH).get(0).getEntries());
    Path cacheDirectory = dir.resolve("app-cache");

    JibLayers.start(cacheDirectory, plan, Instant.EPOCH, QUIET).await();

    CachedLayer cached = Cache.withDirectory(cacheDirectory).retrieve(entries).orElseThrow();
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    new ReproducibleLayerBuilder(entries).build().writeTo(tar);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(
        expected, Runnable::run, 1, Deflater.DEFAULT_COMPRESSION)) {
      gzip.write(tar.toByteArray());
    }
    Path file = cacheDirectory.resolve("layers").resolve(cached.getDigest().getHash())
        .resolve(cached.getDiffId().getHash());
    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file),
        "the cached layer is the parallel compressor's output");
    assertEquals(digest(expected.toByteArray()), cached.getDigest());
    assertEquals(digest(tar.toByteArray()), cached.getDiffId());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertArrayEquals(tar.toByteArray(), in.readAllBytes());
    }
  }

  @Test
  void symbolicLinksAreLinkEntriesWithTheirTargetsAsWritten() throws Exception {
    Path extra = Files.createDirectories(dir.resolve("extra/bin"));
    Path script = Files.writeString(extra.resolve("run.sh"), "#!/usr/bin/java --source 17\n");
    Path fileLink = Files.createSymbolicLink(extra.resolve("start"), Path.of("run.sh"));
    Path dirLink = Files.createSymbolicLink(dir.resolve("extra/current"), Path.of("bin"));
    LayerPlan plan = new LayerPlan(List.of(new PlannedLayer("extra files", List.of(
        new PlannedFile(dir.resolve("extra"), "/opt", 0755),
        new PlannedFile(extra, "/opt/bin", 0755),
        new PlannedFile(script, "/opt/bin/run.sh", 0755),
        new PlannedFile(fileLink, "/opt/bin/start", 0644),
        new PlannedFile(dirLink, "/opt/current", 0644)))), List.of());
    Path cacheDirectory = dir.resolve("app-cache");

    BuiltLayer built = JibLayers.start(cacheDirectory, plan, Instant.EPOCH, QUIET).await().get(0);

    Map<String, TarArchiveEntry> entries = new java.util.LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(Files.newInputStream(built.file())))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), entry);
      }
    }
    assertEquals(List.of("opt/", "opt/bin/", "opt/bin/run.sh", "opt/bin/start", "opt/current"),
        List.copyOf(entries.keySet()));
    assertTrue(entries.get("opt/bin/start").isSymbolicLink());
    assertEquals("run.sh", entries.get("opt/bin/start").getLinkName());
    assertTrue(entries.get("opt/current").isSymbolicLink());
    assertEquals("bin", entries.get("opt/current").getLinkName());
    assertTrue(entries.get("opt/bin/run.sh").isFile());
    assertEquals(0755, entries.get("opt/bin/run.sh").getMode() & 0777);
    for (TarArchiveEntry entry : entries.values()) {
      assertEquals(0, entry.getLongUserId());
      assertEquals(0, entry.getModTime().getTime(), entry.getName());
    }

    BuiltLayer again =
        JibLayers.start(dir.resolve("other-cache"), plan, Instant.EPOCH, QUIET).await().get(0);
    assertEquals(built.digest(), again.digest(), "reproducible");
  }

  /** One layer of one file, as the planner plans it. */
  private static LayerPlan plan(String target, Path file) {
    return new LayerPlan(
        List.of(new PlannedLayer("dependencies", List.of(new PlannedFile(file, target, 0644)))),
        List.of(target));
  }

  private static DescriptorDigest digest(byte[] bytes) throws IOException {
    return Digests.computeDigest(new ByteArrayInputStream(bytes)).getDigest();
  }

  private Path containerize(FileEntriesLayer layer, Path cacheDirectory, String name)
      throws Exception {
    Path out = dir.resolve(name);
    Jib.fromScratch()
        .setFileEntriesLayers(List.of(layer))
        .setEntrypoint("/app/run")
        .setCreationTime(Instant.EPOCH)
        .containerize(Containerizer.to(TarImage.at(out).named("test:1"))
            .setOfflineMode(true)
            .setBaseImageLayersCache(dir.resolve("base-cache"))
            .setApplicationLayersCache(cacheDirectory));
    return out;
  }

  /** The one layer's digest in a docker-archive jib-core wrote (its file is named for it). */
  private static String layerIn(Path archive) throws IOException {
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          JsonNode manifest = new ObjectMapper().readTree(
              new String(tar.readAllBytes(), StandardCharsets.UTF_8)).get(0);
          String file = manifest.get("Layers").get(0).asText();
          return file.substring(0, file.length() - ".tar.gz".length());
        }
      }
    }
    throw new IOException("no manifest.json in " + archive);
  }
}
