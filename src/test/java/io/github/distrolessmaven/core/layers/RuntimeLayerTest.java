package io.github.distrolessmaven.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A linked runtime as a layer: executables stay executable, nothing becomes writable. */
class RuntimeLayerTest {

  @TempDir Path dir;

  @Test
  void executablesAre0755TheRest0644AndLinksStayLinks() throws Exception {
    Path runtime = Files.createDirectories(dir.resolve("runtime"));
    Path java = Files.writeString(Files.createDirectories(runtime.resolve("bin")).resolve("java"),
        "launcher");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jsa = Files.writeString(Files.createDirectories(runtime.resolve("lib/server"))
        .resolve("classes.jsa"), "archive");
    Files.setPosixFilePermissions(jsa, PosixFilePermissions.fromString("r--r--r--"));
    Files.writeString(runtime.resolve("release"), "JAVA_VERSION=\"21\"\n");
    Files.createDirectories(runtime.resolve("legal/java.base"));
    Files.writeString(runtime.resolve("legal/java.base/LICENSE"), "license");
    Files.createDirectories(runtime.resolve("legal/java.logging"));
    Files.createSymbolicLink(runtime.resolve("legal/java.logging/LICENSE"),
        Path.of("../java.base/LICENSE"));

    PlannedLayer layer = LayerPlanner.runtime(runtime, "/usr/lib/jvm/jre");

    Map<String, Integer> modes = new LinkedHashMap<>();
    layer.files().forEach(file -> modes.put(file.target(), file.mode()));
    assertEquals(LayerPlanner.RUNTIME_LAYER, layer.name());
    assertEquals(0755, modes.get("/usr/lib/jvm/jre/bin/java"));
    assertEquals(0755, modes.get("/usr/lib/jvm/jre/bin"));
    assertEquals(0644, modes.get("/usr/lib/jvm/jre/lib/server/classes.jsa"));
    assertEquals(0644, modes.get("/usr/lib/jvm/jre/release"));
    assertEquals(0644, modes.get("/usr/lib/jvm/jre/legal/java.logging/LICENSE"));
    assertEquals(0755, modes.get("/usr/lib/jvm"));
  }

  @Test
  void anotherPlatformsRuntimeTakesThePlaceOfTheFirstsAndNothingElseMoves() {
    PlannedLayer classes = new PlannedLayer("classes",
        List.of(new PlannedFile(dir.resolve("App.class"), "/app/classes/App.class", 0644)));
    PlannedLayer amd64 = new PlannedLayer(LayerPlanner.RUNTIME_LAYER,
        List.of(new PlannedFile(dir.resolve("amd64"), "/usr/lib/jvm/jre/bin/java", 0755)));
    PlannedLayer arm64 = new PlannedLayer(LayerPlanner.RUNTIME_LAYER,
        List.of(new PlannedFile(dir.resolve("arm64"), "/usr/lib/jvm/jre/bin/java", 0755)));
    LayerPlan plan = new LayerPlan(List.of(classes), List.of("/app/classes")).withFirst(amd64);

    LayerPlan arm = plan.withRuntime(arm64);

    assertEquals(List.of(arm64, classes), arm.layers());
    assertEquals(plan.classpath(), arm.classpath());
    assertEquals(List.of(amd64, classes), plan.layers());
    // A plan without a runtime gets it below every other layer.
    assertEquals(List.of(arm64, classes),
        new LayerPlan(List.of(classes), List.of()).withRuntime(arm64).layers());
  }
}
