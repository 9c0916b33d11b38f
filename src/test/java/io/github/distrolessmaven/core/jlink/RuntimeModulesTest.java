package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules a runtime is linked with: listed, or found by the running JDK's jdeps. */
class RuntimeModulesTest {

  @TempDir Path dir;

  @Test
  void aListIsTakenAsItIsWithTheAdditions() {
    RuntimeModules modules = RuntimeModules.listed(List.of("java.sql", "java.base"),
        List.of("jdk.zipfs", "java.base"));
    assertEquals(List.of("java.base", "java.sql", "jdk.zipfs"), modules.modules());
    assertEquals("{@jlink.modules} and {@jlink.addModules}", modules.origin());
  }

  @Test
  void jdepsFindsWhatTheClassesUseAndTheModulesLoadedByNameAreAdded() throws Exception {
    Path source = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("A.java"),
        "public class A { static java.util.logging.Logger log = "
            + "java.util.logging.Logger.getLogger(\"a\"); }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), source.toString()));

    RuntimeModules modules = RuntimeModules.detected(Jdk.running(), classes, List.of(),
        Runtime.version().feature(), List.of("java.sql"));

    assertTrue(modules.modules().containsAll(List.of("java.base", "java.logging", "java.sql")),
        modules.modules().toString());
    assertEquals(Runtime.version().feature() < 22, modules.modules().contains("jdk.crypto.ec"));
    assertTrue(modules.origin().startsWith("jdeps"), modules.origin());
  }
}
