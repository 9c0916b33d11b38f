package io.github.distrolessmaven.core.mainclass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.mainclass.ClassFileReader.InvalidClassFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks directories of freshly compiled classes. */
class MainClassFinderTest {

  @TempDir Path dir;

  private Path compile(Map<String, String> sources) throws IOException {
    Path out = dir.resolve("classes");
    JavaSources.compile(dir.resolve("src"), out, sources);
    return out;
  }

  @Test
  void noCandidates() throws IOException {
    Path classes =
        compile(Map.of(
            "com/example/Lib.java", "package com.example; public class Lib {"
                + " static void main(String[] a) {} void main() {} }",
            "com/example/Util.java", "package com.example; class Util {}"));
    Files.writeString(classes.resolve("app.properties"), "not=a class");

    MainClassSearch search = MainClassFinder.find(classes);

    assertEquals(List.of(), search.candidates());
    assertFalse(search.isUnique());
    assertEquals(Optional.empty(), search.unique());
  }

  /**
   * JEP 512 (Java 25): {@code void main()}, not static, not public, in a package-private class,
   * is a main method the launcher runs. The classes are compiled by the JDK running the tests
   * and marked as Java 25 class files (major version 69), which is all that tells them apart.
   */
  @Test
  void aJava25ClassWithAnInstanceMainIsFoundWhenNoClassicMainIs() throws IOException {
    Path classes = compile(Map.of(
        "com/example/Hello.java", "package com.example; class Hello { void main() {} }",
        "com/example/Util.java", "package com.example; class Util { void helper() {} }"));

    assertEquals(List.of(), MainClassFinder.find(classes).candidates(),
        "compiled for Java 17, an instance main is no entry point");

    asJava25(classes.resolve("com/example/Hello.class"));
    asJava25(classes.resolve("com/example/Util.class"));
    assertEquals(List.of("com.example.Hello"), MainClassFinder.find(classes).candidates());
  }

  @Test
  void aClassicMainWinsOverAJava25InstanceMain() throws IOException {
    Path classes = compile(Map.of(
        "com/example/App.java",
        "package com.example; public class App { public static void main(String[] a) {} }",
        "com/example/Tool.java", "package com.example; class Tool { void main(String[] a) {} }",
        "com/example/Port.java", "package com.example; interface Port { default void main() {} }"));
    for (String name : List.of("App", "Tool", "Port")) {
      asJava25(classes.resolve("com/example/" + name + ".class"));
    }

    assertEquals(List.of("com.example.App"), MainClassFinder.find(classes).candidates());

    Files.delete(classes.resolve("com/example/App.class"));
    assertEquals(List.of("com.example.Tool"), MainClassFinder.find(classes).candidates(),
        "an interface's default main is no entry point");
  }

  /** Marks a class file as compiled for Java 25: its major version (bytes 6-7) becomes 69. */
  private static void asJava25(Path classFile) throws IOException {
    byte[] bytes = Files.readAllBytes(classFile);
    bytes[6] = 0;
    bytes[7] = (byte) MainClassFinder.JAVA_25;
    Files.write(classFile, bytes);
  }

  @Test
  void oneCandidateInNestedPackage() throws IOException {
    Path classes =
        compile(Map.of(
            "com/example/deep/pkg/App.java", "package com.example.deep.pkg; public class App {"
                + " public static void main(String[] a) { new com.example.Helper(); } }",
            "com/example/Helper.java", "package com.example; public class Helper {}"));

    MainClassSearch search = MainClassFinder.find(classes);

    assertEquals(List.of("com.example.deep.pkg.App"), search.candidates());
    assertTrue(search.isUnique());
    assertEquals(Optional.of("com.example.deep.pkg.App"), search.unique());
  }

  @Test
  void twoCandidatesAreSorted() throws IOException {
    Path classes =
        compile(Map.of(
            "b/Zeta.java", "package b; public class Zeta {"
                + " public static void main(String[] a) {} }",
            "a/Alpha.java", "package a; public class Alpha {"
                + " public static void main(String[] a) {}"
                + " public static class Nested { public static void main(String[] a) {} } }",
            "a/NoMain.java", "package a; public class NoMain {}"));

    MainClassSearch search = MainClassFinder.find(classes);

    assertEquals(List.of("a.Alpha", "a.Alpha$Nested", "b.Zeta"), search.candidates());
    assertFalse(search.isUnique());
    assertEquals(Optional.empty(), search.unique());
  }

  @Test
  void missingDirectoryIsEmpty() throws IOException {
    MainClassSearch search = MainClassFinder.find(dir.resolve("target/classes"));

    assertEquals(List.of(), search.candidates());
    assertFalse(search.isUnique());
  }

  @Test
  void emptyDirectoryIsEmpty() throws IOException {
    assertEquals(List.of(), MainClassFinder.find(dir).candidates());
  }

  @Test
  void corruptClassFileIsNamed() throws IOException {
    Path classes =
        compile(Map.of("App.java", "public class App { public static void main(String[] a) {} }"));
    Path broken = classes.resolve("com/example/Broken.class");
    Files.createDirectories(broken.getParent());
    Files.write(broken, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA});

    IOException e = assertThrows(IOException.class, () -> MainClassFinder.find(classes));

    assertTrue(e.getMessage().contains("Broken.class"), e.getMessage());
    assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertInstanceOf(InvalidClassFileException.class, e.getCause());
  }

  @Test
  void moduleAndPackageInfoAreSkipped() throws IOException {
    Path classes =
        compile(Map.of("App.java", "public class App { public static void main(String[] a) {} }"));
    // Garbage on purpose: parsing either file would fail the search.
    Files.writeString(classes.resolve("module-info.class"), "not a class");
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve("com/example/package-info.class"), "not a class");

    assertEquals(Optional.of("App"), MainClassFinder.find(classes).unique());
  }

  @Test
  void searchSortsAndCopiesItsInput() {
    List<String> names = new ArrayList<>(List.of("z.Main", "a.Main"));
    MainClassSearch search = new MainClassSearch(names);
    names.add("m.Main");

    assertEquals(List.of("a.Main", "z.Main"), search.candidates());
    assertThrows(UnsupportedOperationException.class, () -> search.candidates().add("x.Main"));
    assertEquals(search, new MainClassSearch(List.of("a.Main", "z.Main")));
  }
}
