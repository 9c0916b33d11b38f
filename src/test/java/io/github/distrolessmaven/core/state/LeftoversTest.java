package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.spec.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What killed builds leave behind, removed by the next build. */
class LeftoversTest {

  @TempDir Path dir;
  private StateFiles state;
  private final Instant now = Instant.now();

  @BeforeEach
  void layOut() {
    state = new StateFiles(new Storage(dir.resolve("shared"), dir.resolve("project")));
  }

  private Path file(Path path, Duration age) throws Exception {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "half-written");
    Files.setLastModifiedTime(path, FileTime.from(now.minus(age)));
    return path;
  }

  private Path folder(Path path, Duration age) throws Exception {
    file(path.resolve("layer.partial"), age);
    Files.setLastModifiedTime(path, FileTime.from(now.minus(age)));
    return path;
  }

  @Test
  void theProjectsLeftoversGoAtOnce() throws Exception {
    Path project = dir.resolve("project");
    Path archive = file(project.resolve(".image.tar.8123.partial"), Duration.ZERO);
    Path record = file(project.resolve("cache/.last-build.properties.77.partial"), Duration.ZERO);
    Path base = file(project.resolve("bases/.base.tar.1.partial"), Duration.ZERO);
    Path unpacked = folder(project.resolve("cache/app-layers/tmp/layer123"), Duration.ZERO);
    Path output = file(project.resolve("image.tar"), Duration.ZERO);
    Path layer = file(project.resolve("cache/app-layers/layers/ab/cd"), Duration.ZERO);

    assertEquals(4, state.removeLeftovers(now));

    for (Path gone : new Path[] {archive, record, base, unpacked}) {
      assertFalse(Files.exists(gone), gone.toString());
    }
    assertTrue(Files.exists(output), "a finished output stays");
    assertTrue(Files.exists(layer), "a cached layer stays");
  }

  @Test
  void theSharedCachesLeftoversGoOnlyWhenAnHourOld() throws Exception {
    Path shared = dir.resolve("shared");
    Path stale = file(shared.resolve(".jar-hashes.properties.5.partial"), Duration.ofHours(2));
    Path fresh = file(shared.resolve(".jar-hashes.properties.6.partial"), Duration.ofMinutes(5));
    Path staleTag = file(shared.resolve("tags/.gcr.io.properties.7.partial"), Duration.ofHours(2));
    Path staleDownload = folder(shared.resolve("tmp/layer99"), Duration.ofHours(3));
    Path running = folder(shared.resolve("tmp/layer100"), Duration.ofSeconds(10));
    Path staleRuntime = folder(state.runtimes().resolve(".2ca67ddf18a72985.4242.partial"),
        Duration.ofHours(2));
    Path linking = folder(state.runtimes().resolve(".dfbfd4231ddf3da1.4243.partial"),
        Duration.ofMinutes(1));
    Path linked = folder(state.runtimes().resolve("0b706e0c281572e1"), Duration.ofDays(30));

    assertEquals(4, state.removeLeftovers(now));

    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleTag));
    assertFalse(Files.exists(staleDownload));
    assertFalse(Files.exists(staleRuntime), "a runtime half-linked by a killed build");
    assertTrue(Files.exists(linking), "another build may be linking it now");
    assertTrue(Files.exists(linked), "a linked runtime stays");
    assertTrue(Files.exists(fresh), "another build may be writing it now");
    assertTrue(Files.exists(running), "another build may be downloading into it now");
  }

  @Test
  void aFreshCacheHasNothingToRemove() {
    assertEquals(0, state.removeLeftovers(now));
  }
}
