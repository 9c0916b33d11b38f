package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.mainclass.JavaSources;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Organization;
import org.apache.maven.model.Scm;
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

  /**
   * A project whose parent is a third party's (Spring Boot's starter parent): Maven hands the
   * parent's URL, SCM, licenses, description and organization down, and none of them describes
   * this project. A parent of the project's own group does.
   */
  @Test
  void labelsDescribeTheProjectFromItsOwnPomsOnly() {
    MavenProject external = parent("org.springframework.boot", dir.resolve("m2/parent.pom"));
    MavenProject child = child(external);
    ProjectMetadata metadata = new ProjectInputs(child, null).metadata(new MavenBuildLog(
        new RecordingLog()));

    assertEquals(null, metadata.url());
    assertEquals(null, metadata.source());
    assertEquals("", metadata.licenses());
    assertEquals(null, metadata.description());
    assertEquals(null, metadata.vendor());

    MavenProject own = parent("com.example", dir.resolve("m2/own.pom"));
    child = child(own);
    child.getOriginalModel().setDescription("  The app,\n\tits own\n  words. ");
    child.getModel().setDescription(child.getOriginalModel().getDescription());
    metadata = new ProjectInputs(child, null).metadata(new MavenBuildLog(new RecordingLog()));

    assertEquals("https://example.org/parent/app", metadata.url());
    assertEquals("https://example.org/parent.git", metadata.source());
    assertEquals("Parent License", metadata.licenses());
    assertEquals("The app, its own words.", metadata.description(), "whitespace normalized");
    assertEquals("Parent Org", metadata.vendor());
  }

  /**
   * Maven 4's super POM gives every project project.build.outputTimestamp = 1980-02-01: it is
   * in the effective properties but in no POM of the project's. Only a POM's own counts, so that
   * Maven 3 and Maven 4 build the same image.
   */
  @Test
  void anOutputTimestampCountsOnlyWhereAPomOfTheProjectSetsIt() {
    MavenProject parent = parent("com.example", dir.resolve("m2/own.pom"));
    MavenProject child = child(parent);
    child.getModel().getProperties().setProperty("project.build.outputTimestamp",
        "1980-02-01T00:00:00Z");
    assertEquals(null, new ProjectInputs(child, null).outputTimestamp(),
        "Maven 4's default, which no POM of the project wrote");

    parent.getOriginalModel().getProperties().setProperty("project.build.outputTimestamp",
        "2026-01-01T00:00:00Z");
    child.getModel().getProperties().setProperty("project.build.outputTimestamp",
        "2026-01-01T00:00:00Z");
    assertEquals("2026-01-01T00:00:00Z", new ProjectInputs(child, null).outputTimestamp(),
        "the parent's, inherited");

    child.getOriginalModel().getProperties().setProperty("project.build.outputTimestamp", "10");
    child.getModel().getProperties().setProperty("project.build.outputTimestamp", "10");
    assertEquals("10", new ProjectInputs(child, null).outputTimestamp(), "the project's own");
  }

  /** A parent POM declaring every field, of {@code groupId}, read from {@code pom}. */
  private static MavenProject parent(String groupId, Path pom) {
    Model model = new Model();
    model.setGroupId(groupId);
    model.setArtifactId("parent");
    model.setUrl("https://example.org/parent");
    model.setDescription("Parent pom providing dependency management");
    Scm scm = new Scm();
    scm.setUrl("https://example.org/parent.git");
    model.setScm(scm);
    License license = new License();
    license.setName("Parent License");
    model.addLicense(license);
    Organization organization = new Organization();
    organization.setName("Parent Org");
    model.setOrganization(organization);
    MavenProject parent = new MavenProject(model);
    parent.setOriginalModel(model.clone());
    parent.setFile(pom.toFile());
    return parent;
  }

  /** A project that declares none of them, with what Maven's inheritance gives it. */
  private MavenProject child(MavenProject parent) {
    Model written = new Model();
    written.setGroupId("com.example");
    written.setArtifactId("app");
    Model effective = written.clone();
    effective.setUrl(parent.getUrl() + "/app");
    effective.setScm(parent.getScm());
    effective.setLicenses(parent.getLicenses());
    effective.setDescription(parent.getDescription());
    effective.setOrganization(parent.getOrganization());
    effective.setBuild(new Build());
    effective.getBuild().setDirectory(dir.resolve("app/target").toString());
    MavenProject child = new MavenProject(effective);
    child.setOriginalModel(written);
    child.setParent(parent);
    child.setFile(dir.resolve("app/pom.xml").toFile());
    return child;
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
