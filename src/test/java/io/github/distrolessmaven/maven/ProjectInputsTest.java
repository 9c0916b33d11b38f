package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.mainclass.JavaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the goals read from the Maven project, checked before anything else. */
class ProjectInputsTest {

  @TempDir Path dir;

  private ProjectInputs inputs(Path classes) {
    Model model = new Model();
    model.setBuild(new Build());
    model.getBuild().setOutputDirectory(classes.toString());
    model.getBuild().setDirectory(dir.resolve("target").toString());
    return new ProjectInputs(new MavenProject(model), null);
  }

  @Test
  void compiledProjectPasses() throws Exception {
    Path classes = dir.resolve("target/classes");
    JavaSources.compile(dir.resolve("src"), classes,
        Map.of("com/example/Lib.java", "package com.example; public class Lib {}"));

    assertDoesNotThrow(() -> inputs(classes).requireCompiled());
  }

  @Test
  void missingClassesDirectoryIsRefused() {
    Path classes = dir.resolve("target/classes");

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> inputs(classes).requireCompiled());

    assertEquals(Setting.CLASSES_DIRECTORY, e.setting());
    String message = SettingNames.render(e.getMessage());
    assertTrue(message.startsWith("project.build.outputDirectory: "), message);
    assertTrue(message.contains(classes.toString()), message);
    assertTrue(message.contains("Compile first"), message);
    assertTrue(message.contains("package distroless:build"), message);
  }

  @Test
  void directoryWithoutClassFilesIsRefused() throws IOException {
    Path classes = dir.resolve("target/classes");
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve("com/example/app.properties"), "a=b");

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> inputs(classes).requireCompiled());

    assertEquals(Setting.CLASSES_DIRECTORY, e.setting());
  }
}
