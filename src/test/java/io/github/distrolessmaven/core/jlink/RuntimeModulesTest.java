package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        Runtime.version().feature(), List.of("java.sql"), dir.resolve("cache"));

    assertTrue(modules.modules().containsAll(List.of("java.base", "java.logging", "java.sql")),
        modules.modules().toString());
    assertEquals(Runtime.version().feature() < 22, modules.modules().contains("jdk.crypto.ec"));
    assertTrue(modules.origin().startsWith("jdeps"), modules.origin());
  }

  @Test
  void aClassesFolderOnTheClasspathIsReadAgainWhenAClassInItChanges() throws Exception {
    // A reactor module's classes, as `mvn compile` resolves a sibling: a folder whose size and
    // time stay the same when a class in it is compiled again.
    Path classes = Files.createDirectories(dir.resolve("sibling/classes"));
    compile(classes, "public class S { static Object o = java.util.logging.Logger.class; }");
    FileTime folderTime = Files.getLastModifiedTime(classes);
    RuntimeModules before = RuntimeModules.detected(Jdk.running(), dir.resolve("no-classes"),
        List.of(classes), Runtime.version().feature(), List.of(), dir.resolve("cache"));
    assertTrue(before.modules().contains("java.logging"), before.modules().toString());

    compile(classes, "public class S { static Object o = java.sql.Connection.class; }");
    Files.setLastModifiedTime(classes, folderTime);
    RuntimeModules after = RuntimeModules.detected(Jdk.running(), dir.resolve("no-classes"),
        List.of(classes), Runtime.version().feature(), List.of(), dir.resolve("cache"));

    assertTrue(after.modules().contains("java.sql"), after.modules().toString());
    assertTrue(!after.modules().contains("java.logging"), after.modules().toString());
  }

  private void compile(Path classes, String source) throws Exception {
    Path file = Files.writeString(Files.createDirectories(dir.resolve("src-s")).resolve("S.java"),
        source);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), file.toString()));
  }

  @Test
  void aModularJarCountsByWhatItRequiresEvenWhenARequiredModuleIsMissing() throws Exception {
    // Module a requires module b (left out of the classpath, as jakarta.transaction's jakarta.cdi
    // is in a Spring Boot app) and java.sql: jdeps resolving a would fail.
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("a/pa"));
    Files.createDirectories(sources.resolve("b/pb"));
    Files.writeString(sources.resolve("a/module-info.java"),
        "module a { requires b; requires java.sql; requires static java.desktop; }");
    Files.writeString(sources.resolve("a/pa/A.java"), "package pa; public class A {}");
    Files.writeString(sources.resolve("b/module-info.java"), "module b { exports pb; }");
    Files.writeString(sources.resolve("b/pb/B.java"), "package pb; public class B {}");
    Path out = dir.resolve("out");
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        out.toString(), "--module-source-path", sources.toString(), "--module", "a,b"));
    Path jar = dir.resolve("a.jar");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(out.resolve("a"))) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        zip.putNextEntry(new java.util.zip.ZipEntry(
            out.resolve("a").relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }

    RuntimeModules modules = RuntimeModules.detected(Jdk.running(), dir.resolve("no-classes"),
        List.of(jar), Runtime.version().feature(), List.of(), dir.resolve("cache"));

    assertTrue(modules.modules().contains("java.sql"), modules.modules().toString());
    assertTrue(!modules.modules().contains("java.desktop"), "requires static is optional");
  }
}
