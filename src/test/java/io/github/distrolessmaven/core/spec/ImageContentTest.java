package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.LayerPlanner;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each platform's content, when the build linked a runtime per platform. */
class ImageContentTest {

  private static final Platform ARM64 = Platform.of("linux", "arm64", "v8");
  private static final PlannedLayer CLASSES = new PlannedLayer("classes",
      List.of(new PlannedFile(Path.of("App.class"), "/app/classes/App.class", 0644)));
  private static final PlannedLayer AMD64_RUNTIME = runtime("amd64");
  private static final PlannedLayer ARM64_RUNTIME = runtime("arm64");

  private static PlannedLayer runtime(String name) {
    return new PlannedLayer(LayerPlanner.RUNTIME_LAYER,
        List.of(new PlannedFile(Path.of(name, "java"), "/usr/lib/jvm/jre/bin/java", 0755)));
  }

  private static ImageContent content(List<Platform> platforms,
      Map<Platform, PlannedLayer> runtimes) {
    return new ImageContent("registry/base:1", platforms, "registry/app:1", List.of(),
        "65532:65532", List.of("/usr/lib/jvm/jre/bin/java", "App"), List.of(), Map.of(),
        Set.of(), Map.of(), List.of(), Optional.empty(), ImageFormat.DOCKER,
        new BuildTimestamps(Instant.EPOCH, Instant.EPOCH),
        new ProjectMetadata("app", null, "1", null, null, null, null, null),
        new LayerPlan(List.of(AMD64_RUNTIME, CLASSES), List.of("/app/classes")), runtimes,
        new MavenCoordinates("com.example", "app", "1", "", "jar"), List.of(), false);
  }

  @Test
  void eachPlatformsContentHasItsOwnRuntimeAndTheSameOtherLayers() {
    Map<Platform, PlannedLayer> runtimes = new LinkedHashMap<>();
    runtimes.put(Platform.LINUX_AMD64, AMD64_RUNTIME);
    runtimes.put(ARM64, ARM64_RUNTIME);
    ImageContent content = content(List.of(Platform.LINUX_AMD64, ARM64), runtimes);
    assertTrue(content.runtimePerPlatform());

    ImageContent arm = content.forPlatform(ARM64);
    assertEquals(List.of(ARM64_RUNTIME, CLASSES), arm.layers().layers());
    assertFalse(arm.runtimePerPlatform());
    assertEquals(content.entrypoint(), arm.entrypoint());
    assertEquals(content.platforms(), arm.platforms());
    assertEquals(List.of(AMD64_RUNTIME, CLASSES),
        content.forPlatform(Platform.LINUX_AMD64).layers().layers());
  }

  @Test
  void withoutARuntimePerPlatformEveryPlatformHasTheSameContent() {
    ImageContent content = content(List.of(Platform.LINUX_AMD64, ARM64), Map.of());
    assertFalse(content.runtimePerPlatform());
    assertSame(content, content.forPlatform(ARM64));
  }

  @Test
  void aRuntimeForAPlatformNotBuiltIsAMistake() {
    assertThrows(IllegalArgumentException.class,
        () -> content(List.of(Platform.LINUX_AMD64), Map.of(ARM64, ARM64_RUNTIME)));
  }
}
