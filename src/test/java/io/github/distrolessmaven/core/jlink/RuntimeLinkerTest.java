package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime linked by the running JDK's jlink, once. */
class RuntimeLinkerTest {

  @TempDir Path cache;

  @Test
  void theRuntimeIsLinkedOnceAndFoundAfterwardWithoutItsX11Libraries() throws Exception {
    RecordingLog log = new RecordingLog();
    RuntimeLinker linker = new RuntimeLinker(cache, log);
    RuntimeModules modules = RuntimeModules.listed(List.of("java.base", "java.desktop"),
        List.of());

    Path runtime = linker.link(Jdk.running(), modules, false);

    assertTrue(Files.isExecutable(runtime.resolve("bin/java")));
    assertTrue(Files.isRegularFile(runtime.resolve("lib/libawt_headless.so")));
    for (String x11 : List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so")) {
      assertFalse(Files.exists(runtime.resolve("lib").resolve(x11)), x11);
    }
    assertTrue(log.has("Linking a Java runtime with jlink of "), log.toString());
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(List.of(runtime), left.toList(), "nothing partial left beside it");
    }

    RecordingLog again = new RecordingLog();
    assertEquals(runtime, new RuntimeLinker(cache, again).link(Jdk.running(), modules, false));
    assertFalse(again.has("Linking"), again.toString());
    assertTrue(again.has("jlink not run"), again.toString());
  }
}
