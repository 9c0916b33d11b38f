package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.mainclass.JavaSources;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class the entrypoint runs, and whether there is anything to run at all. */
class MainClassTest {

  private static final String APP =
      "package com.example; public class App { public static void main(String[] a) {} }";
  private static final String TOOL =
      "package com.example.tools; public class Tool { public static void main(String[] a) {} }";
  private static final String LIB = "package com.example; public class Lib {}";

  @TempDir Path dir;

  /** Compiles {@code sources} (path to code) into {@code dir/classes}. */
  private Path compile(Map<String, String> sources) throws IOException {
    Path classes = dir.resolve("classes");
    JavaSources.compile(dir.resolve("src"), classes, sources);
    return classes;
  }

  @Test
  void configuredWinsOverManifestAndScan() throws Exception {
    Path classes = compile(Map.of("com/example/App.java", APP));

    assertEquals(
        "com.example.Other",
        MainClass.resolve(" com.example.Other ", "com.example.FromManifest", classes));
  }

  @Test
  void configuredIsValidated() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> MainClass.resolve("com.example.123App", null, dir));

    assertEquals(Setting.CONTAINER_MAIN_CLASS, e.setting());
    assertTrue(e.getMessage().contains("'com.example.123App' is not a Java class name"),
        e.getMessage());
  }

  @Test
  void manifestIsUsedWhenNothingIsConfigured() throws Exception {
    Path classes = compile(Map.of("com/example/App.java", APP));

    assertEquals(
        "com.example.FromManifest", MainClass.resolve("  ", "com.example.FromManifest", classes));
  }

  @Test
  void manifestIsValidatedAgainstTheJarPlugin() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> MainClass.resolve(null, "com.example.class", dir));

    assertEquals(Setting.JAR_MAIN_CLASS, e.setting());
  }

  @Test
  void uniqueCandidateIsFound() throws Exception {
    Path classes = compile(Map.of("com/example/App.java", APP, "com/example/Lib.java", LIB));

    assertEquals("com.example.App", MainClass.resolve(null, null, classes));
  }

  @Test
  void noCandidateAsksForMainClass() throws Exception {
    Path classes = compile(Map.of("com/example/Lib.java", LIB));

    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> MainClass.resolve(null, "", classes));

    assertEquals(Setting.CONTAINER_MAIN_CLASS, e.setting());
    assertTrue(e.getMessage().contains("Set " + Setting.CONTAINER_MAIN_CLASS.element()),
        e.getMessage());
    assertTrue(e.getMessage().contains(classes.toString()), e.getMessage());
  }

  @Test
  void severalCandidatesAreAllListed() throws Exception {
    Path classes =
        compile(Map.of("com/example/App.java", APP, "com/example/tools/Tool.java", TOOL));

    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> MainClass.resolve(null, null, classes));

    assertEquals(Setting.CONTAINER_MAIN_CLASS, e.setting());
    assertTrue(e.getMessage().contains("com.example.App, com.example.tools.Tool"), e.getMessage());
    assertTrue(e.getMessage().contains(Setting.CONTAINER_MAIN_CLASS.property("com.example.App")),
        e.getMessage());
  }
}
