package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.nio.charset.StandardCharsets;
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
  void theRuntimeIsLinkedOnceAndFoundAfterwardWithoutWhatNoApplicationReads() throws Exception {
    RecordingLog log = new RecordingLog();
    RuntimeLinker linker = new RuntimeLinker(cache, log);
    RuntimeModules modules = RuntimeModules.listed(List.of("java.base", "java.desktop"),
        List.of());

    Path runtime = linker.link(Jdk.running(), modules, false);

    assertTrue(Files.isExecutable(runtime.resolve("bin/java")));
    assertTrue(Files.isRegularFile(runtime.resolve("lib/libawt_headless.so")));
    for (String unread : List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so",
        "jrt-fs.jar", "classlist")) {
      assertFalse(Files.exists(runtime.resolve("lib").resolve(unread)), unread);
    }
    assertTrue(log.has("Linking a Java runtime with jlink of "), log.toString());
    // Its native libraries without their symbol tables, and it still runs.
    assertTrue(Files.size(runtime.resolve("lib/server/libjvm.so"))
        < Files.size(Jdk.running().home().resolve("lib/server/libjvm.so")));
    Process version = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-Xshare:off",
        "-version").redirectErrorStream(true).start();
    String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, version.waitFor(), said);
    assertTrue(said.contains("Server VM"), said);
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(List.of(runtime), left.toList(), "nothing partial left beside it");
    }

    RecordingLog again = new RecordingLog();
    assertEquals(runtime, new RuntimeLinker(cache, again).link(Jdk.running(), modules, false));
    assertFalse(again.has("Linking"), again.toString());
    assertTrue(again.has("jlink not run"), again.toString());
  }
}
