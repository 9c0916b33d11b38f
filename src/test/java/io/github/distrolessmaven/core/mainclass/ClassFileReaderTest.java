package io.github.distrolessmaven.core.mainclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.distrolessmaven.core.mainclass.ClassFileReader.InvalidClassFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parses class files produced by the running JDK's compiler, then damaged or re-versioned. */
class ClassFileReaderTest {

  @TempDir static Path classes;

  private static final Map<String, String> SOURCES =
      Map.ofEntries(
          Map.entry("com/example/App.java",
              "package com.example; public class App {"
                  + " public static void main(String[] args) {} }"),
          Map.entry("com/example/Varargs.java",
              "package com.example; public class Varargs {"
                  + " public static void main(String... args) {} }"),
          Map.entry("com/example/PackageMain.java",
              "package com.example; public class PackageMain {"
                  + " static void main(String[] args) {} }"),
          Map.entry("com/example/PrivateMain.java",
              "package com.example; public class PrivateMain {"
                  + " private static void main(String[] args) {} }"),
          Map.entry("com/example/WrongSignatures.java",
              "package com.example; public class WrongSignatures {"
                  + " public static void main(String arg) {}"
                  + " public static int main(Object[] args) { return 0; }"
                  + " public static void mainly(String[] args) {} }"),
          Map.entry("com/example/InstanceMain.java",
              "package com.example; public class InstanceMain { void main() {} }"),
          Map.entry("com/example/InstanceArgsMain.java",
              "package com.example; public class InstanceArgsMain {"
                  + " public void main(String[] args) {} }"),
          Map.entry("com/example/Tool.java",
              "package com.example; public interface Tool {"
                  + " static void main(String[] args) {} }"),
          Map.entry("com/example/Outer.java",
              "package com.example; public class Outer { public static class Inner {"
                  + " public static void main(String[] args) {} } }"),
          Map.entry("Plain.java", "public class Plain { int x; }"),
          Map.entry("com/example/Rich.java",
              "package com.example;\n"
                  + "import java.util.function.*;\n"
                  + "public class Rich {\n"
                  + "  static final long L = 1234567890123L;\n"
                  + "  static final double D = 3.141592653589793;\n"
                  + "  static final float F = 2.5f;\n"
                  + "  static final int I = 123456789;\n"
                  + "  long l = 9876543210L; double d = 1e300; float f = 1.5f; int i = 70000;\n"
                  + "  static final String S = \"caf\\u00e9 \\u0000 \\uD83D\\uDE00\";\n"
                  + "  record Point(long x, double y) {}\n"
                  + "  enum Color { RED, GREEN; long bits() { return 1L << ordinal(); } }\n"
                  + "  public static void main(String[] args) {\n"
                  + "    Supplier<String> s = () -> S + args.length + L + D;\n"
                  + "    Function<Object, String> g = String::valueOf;\n"
                  + "    Runnable r = () -> System.out.println(s.get() + g.apply(Color.RED));\n"
                  + "    r.run();\n"
                  + "    System.out.println(new Point(L, D) + \" \" + Color.GREEN.bits());\n"
                  + "  }\n"
                  + "}\n"));

  @BeforeAll
  static void compile() throws IOException {
    JavaSources.compile(classes.resolve("src"), classes, SOURCES);
  }

  /** Writes {@code sources} under {@code sourceDir} and compiles them into {@code classesDir}. */
  private static byte[] bytes(String relativePath) throws IOException {
    return Files.readAllBytes(classes.resolve(relativePath));
  }

  private static ClassFileReader read(String relativePath) throws IOException {
    return ClassFileReader.read(bytes(relativePath));
  }

  @Test
  void publicStaticMainIsLaunchable() throws IOException {
    ClassFileReader app = read("com/example/App.class");
    assertEquals("com.example.App", app.binaryName());
    assertTrue(app.hasLaunchableMain());
    assertTrue(app.hasInstanceMainCandidate());
    assertEquals(0x0001, app.accessFlags() & 0x0001);
    assertFalse(app.isInterface());
  }

  @Test
  void varargsMainIsLaunchable() throws IOException {
    assertTrue(read("com/example/Varargs.class").hasLaunchableMain());
  }

  @Test
  void classInDefaultPackageHasSimpleName() throws IOException {
    ClassFileReader plain = read("Plain.class");
    assertEquals("Plain", plain.binaryName());
    assertFalse(plain.hasLaunchableMain());
    assertFalse(plain.hasInstanceMainCandidate());
  }

  @Test
  void nonPublicStaticMainIsOnlyAnInstanceMainCandidate() throws IOException {
    ClassFileReader packageMain = read("com/example/PackageMain.class");
    assertFalse(packageMain.hasLaunchableMain());
    assertTrue(packageMain.hasInstanceMainCandidate());
  }

  @Test
  void privateMainIsNothing() throws IOException {
    ClassFileReader privateMain = read("com/example/PrivateMain.class");
    assertFalse(privateMain.hasLaunchableMain());
    assertFalse(privateMain.hasInstanceMainCandidate());
  }

  @Test
  void wrongSignaturesAreNotMain() throws IOException {
    ClassFileReader wrong = read("com/example/WrongSignatures.class");
    assertFalse(wrong.hasLaunchableMain());
    assertFalse(wrong.hasInstanceMainCandidate());
  }

  @Test
  void instanceMainWithoutArgsIsOnlyAnInstanceMainCandidate() throws IOException {
    ClassFileReader instance = read("com/example/InstanceMain.class");
    assertFalse(instance.hasLaunchableMain());
    assertTrue(instance.hasInstanceMainCandidate());
  }

  @Test
  void instanceMainWithArgsIsOnlyAnInstanceMainCandidate() throws IOException {
    ClassFileReader instance = read("com/example/InstanceArgsMain.class");
    assertFalse(instance.hasLaunchableMain());
    assertTrue(instance.hasInstanceMainCandidate());
  }

  @Test
  void interfaceWithStaticMainIsLaunchable() throws IOException {
    ClassFileReader tool = read("com/example/Tool.class");
    assertEquals("com.example.Tool", tool.binaryName());
    assertTrue(tool.isInterface());
    assertTrue(tool.hasLaunchableMain());
  }

  @Test
  void nestedClassKeepsDollarInBinaryName() throws IOException {
    ClassFileReader inner = read("com/example/Outer$Inner.class");
    assertEquals("com.example.Outer$Inner", inner.binaryName());
    assertTrue(inner.hasLaunchableMain());
    assertFalse(read("com/example/Outer.class").hasLaunchableMain());
  }

  @Test
  void richConstantPoolParses() throws IOException {
    ClassFileReader rich = read("com/example/Rich.class");
    assertEquals("com.example.Rich", rich.binaryName());
    assertTrue(rich.hasLaunchableMain());
    assertEquals("com.example.Rich$Point", read("com/example/Rich$Point.class").binaryName());
    assertEquals("com.example.Rich$Color", read("com/example/Rich$Color.class").binaryName());
    assertFalse(read("com/example/Rich$Point.class").hasLaunchableMain());
  }

  @Test
  void everyCompiledClassParses() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
      // sources live under classes/src; only compiled output is walked for class files
    }
    assertTrue(files.size() >= SOURCES.size(), files::toString);
    for (Path file : files) {
      String expected =
          classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
      expected = expected.substring(0, expected.length() - ".class".length());
      assertEquals(expected, ClassFileReader.read(Files.readAllBytes(file)).binaryName());
    }
  }

  @Test
  void oldClassFileVersionParses(@TempDir Path dir) throws IOException {
    JavaSources.compile(dir.resolve("src"), dir, Map.of("Old.java",
        "public class Old { static final long L = 1L << 40;"
            + " public static void main(String[] a) { Runnable r = () -> {}; r.run(); } }"),
        "--release", "8");
    byte[] old = Files.readAllBytes(dir.resolve("Old.class"));
    assertEquals(52, old[7]);
    assertTrue(ClassFileReader.read(old).hasLaunchableMain());
  }

  @ParameterizedTest(name = "major version {0}")
  @ValueSource(ints = {45, 61, 69, 70, 75, 0xFFFF})
  void anyMajorVersionParses(int major) throws IOException {
    for (String file : List.of("com/example/App.class", "com/example/Rich.class")) {
      byte[] patched = bytes(file);
      patched[6] = (byte) (major >>> 8);
      patched[7] = (byte) major;
      ClassFileReader reader = ClassFileReader.read(patched);
      assertTrue(reader.hasLaunchableMain(), file);
      assertTrue(reader.binaryName().startsWith("com.example."), file);
    }
  }

  @Test
  void everyTruncationIsRejected() throws IOException {
    byte[] full = bytes("com/example/Rich.class");
    for (int length = 0; length < full.length; length++) {
      byte[] cut = Arrays.copyOf(full, length);
      int at = length;
      InvalidClassFileException e =
          assertThrows(InvalidClassFileException.class, () -> ClassFileReader.read(cut),
              () -> "truncated at " + at);
      assertNotNull(e.getMessage());
    }
  }

  @Test
  void truncatedMessageSaysSo() throws IOException {
    byte[] cut = Arrays.copyOf(bytes("com/example/App.class"), 40);
    InvalidClassFileException e =
        assertThrows(InvalidClassFileException.class, () -> ClassFileReader.read(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void badMagicIsRejected() throws IOException {
    byte[] bad = bytes("com/example/App.class");
    bad[0] = 'P';
    bad[1] = 'K';
    InvalidClassFileException e =
        assertThrows(InvalidClassFileException.class, () -> ClassFileReader.read(bad));
    assertTrue(e.getMessage().contains("magic"), e.getMessage());
  }

  @Test
  void textFileIsRejected() {
    byte[] text = "public class App {}".getBytes(StandardCharsets.UTF_8);
    assertThrows(InvalidClassFileException.class, () -> ClassFileReader.read(text));
  }

  @Test
  void unknownConstantPoolTagIsRejected() throws IOException {
    byte[] bad = bytes("com/example/App.class");
    bad[10] = 99; // tag of constant-pool entry #1, right after magic, versions and count
    InvalidClassFileException e =
        assertThrows(InvalidClassFileException.class, () -> ClassFileReader.read(bad));
    assertTrue(e.getMessage().contains("tag 99"), e.getMessage());
  }

  @Test
  void invalidClassFileExceptionIsAnIoException() {
    assertTrue(IOException.class.isAssignableFrom(InvalidClassFileException.class));
  }

  @Test
  void randomCorruptionFailsOnlyWithInvalidClassFileException() throws IOException {
    byte[] original = bytes("com/example/Rich.class");
    Random random = new Random(42);
    for (int round = 0; round < 3000; round++) {
      byte[] damaged = original.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      try {
        ClassFileReader.read(damaged);
      } catch (InvalidClassFileException expected) {
        // the only acceptable failure
      } catch (RuntimeException e) {
        fail("round " + round + " escaped with " + e, e);
      }
    }
    assertArrayEquals(original, bytes("com/example/Rich.class"));
  }
}
