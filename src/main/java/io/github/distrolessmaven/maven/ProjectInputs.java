package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.labels.GitRevision;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import io.github.distrolessmaven.core.spec.UrlCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Reads what the image needs from the Maven project, as plain values for the core. */
final class ProjectInputs {

  /** Where the runtime dependencies come from: Maven's resolution, or a test's list. */
  @FunctionalInterface
  interface DependencySource {
    List<Dependency> get() throws InvalidConfigurationException;
  }

  static final String OUTPUT_TIMESTAMP = "project.build.outputTimestamp";

  private final MavenProject project;
  private final DependencySource dependencies;

  ProjectInputs(MavenProject project, DependencySource dependencies) {
    this.project = project;
    this.dependencies = dependencies;
  }

  Path classesDirectory() {
    return Path.of(project.getBuild().getOutputDirectory());
  }

  /**
   * Checks that the project was compiled: its classes directory exists and holds a class.
   *
   * @throws InvalidConfigurationException telling the user to compile first
   */
  void requireCompiled() throws InvalidConfigurationException, IOException {
    Path classes = classesDirectory();
    boolean compiled = false;
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        compiled = files.anyMatch(path -> path.toString().endsWith(".class"));
      }
    }
    if (!compiled) {
      throw new InvalidConfigurationException(
          Setting.CLASSES_DIRECTORY,
          classes + " holds no compiled classes. Compile first: run"
              + " 'mvn package distroless:build' (or 'mvn compile distroless:tar'), not the goal alone.");
    }
  }

  /**
   * The jar {@code mvn package} built, for Jib's packaged mode.
   *
   * @throws InvalidConfigurationException when there is none (the goal ran without {@code
   *     package}, or the packaging makes no jar), or it is a Spring Boot executable jar, whose
   *     classes are not where a plain classpath looks for them
   */
  Path packagedJar() throws InvalidConfigurationException, IOException {
    File file = project.getArtifact() == null ? null : project.getArtifact().getFile();
    if (file == null || !file.isFile() || !file.getName().endsWith(".jar")) {
      throw new InvalidConfigurationException(Setting.CONTAINERIZING_MODE, "is packaged, which"
          + " puts the project's jar in the image, and this build has not made one"
          + (file == null ? "" : " (the artifact is " + file + ")") + ". Package first: run"
          + " 'mvn package distroless:build' (or distroless:tar), not the goal alone.");
    }
    try (ZipFile jar = new ZipFile(file)) {
      if (jar.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/"))) {
        throw new InvalidConfigurationException(Setting.CONTAINERIZING_MODE, "is packaged, and "
            + file + " is a Spring Boot executable jar: its classes are under BOOT-INF/, where a"
            + " plain classpath does not look. Remove <containerizingMode> (exploded, the"
            + " default, layers the classes and every dependency apart, which Spring Boot runs"
            + " as well).");
      }
    }
    return file.toPath();
  }

  Path buildDirectory() {
    return Path.of(project.getBuild().getDirectory());
  }

  Path baseDirectory() {
    return project.getBasedir().toPath();
  }

  /** The project's own coordinates: the application the image runs. */
  MavenCoordinates coordinates() {
    return new MavenCoordinates(project.getGroupId(), project.getArtifactId(),
        project.getVersion(), "", project.getPackaging());
  }

  /** Runtime dependencies in Maven's classpath order, each marked by how often it changes. */
  List<Dependency> dependencies() throws InvalidConfigurationException {
    return dependencies.get();
  }

  /** The release the compiler targets: properties first, then the compiler plugin's configuration. */
  String javaRelease() {
    return firstOf(
        project.getProperties().getProperty("maven.compiler.release"),
        pluginSetting("maven-compiler-plugin", "release"));
  }

  String javaTarget() {
    return firstOf(
        project.getProperties().getProperty("maven.compiler.target"),
        pluginSetting("maven-compiler-plugin", "target"));
  }

  /** The main class the jar plugin writes into the manifest, or Spring Boot's plugin's. */
  String manifestMainClass() {
    return firstOf(
        pluginSetting("maven-jar-plugin", "archive", "manifest", "mainClass"),
        pluginSetting("spring-boot-maven-plugin", "mainClass"));
  }

  /**
   * {@code project.build.outputTimestamp} where a POM of the project or one of its parents sets
   * it, else null. Maven 4's own super POM gives every project a default (1980-02-01T00:00:00Z)
   * that nobody chose; taken as set, it would give a project another image digest on Maven 4
   * than on Maven 3, so it counts as unset, as it is on Maven 3.
   */
  String outputTimestamp() {
    String value = project.getProperties().getProperty(OUTPUT_TIMESTAMP);
    if (value == null) {
      return null;
    }
    for (MavenProject current = project; current != null; current = current.getParent()) {
      // As written, before inheritance; a project built without one (a test's) as it is.
      Model written = current.getOriginalModel();
      if (written == null || written.getProperties().containsKey(OUTPUT_TIMESTAMP)) {
        return value;
      }
    }
    return null;
  }

  /**
   * @param log warned of credentials in a URL, which are left out (the warning names the POM
   *     element, never the secret)
   */
  /**
   * What the image's labels say about the project. The URL, source, licenses, description and
   * vendor are taken only where the project's own POMs declare them: the project's, or a parent
   * of its group or on disk above it; a third party's parent (Spring Boot's starter parent, say)
   * describes itself, not this project, and Maven's inheritance would hand its values down.
   */
  ProjectMetadata metadata(BuildLog log) {
    String licenses = ownDeclares(Model::getLicenses) ? project.getLicenses().stream()
        .map(License::getName)
        .filter(name -> name != null && !name.isBlank())
        .collect(Collectors.joining(", ")) : "";
    String description = ownDeclares(Model::getDescription) ? project.getDescription() : null;
    return new ProjectMetadata(
        project.getName() != null ? project.getName() : project.getArtifactId(),
        description == null ? null : description.strip().replaceAll("\\s+", " "),
        project.getVersion(),
        ownDeclares(Model::getUrl)
            ? withoutCredentials(project.getUrl(), Setting.PROJECT_URL, log) : null,
        ownDeclares(Model::getScm) && project.getScm() != null
            ? withoutCredentials(project.getScm().getUrl(), Setting.PROJECT_SCM_URL, log) : null,
        GitRevision.of(baseDirectory()).orElse(null),
        licenses,
        ownDeclares(Model::getOrganization) && project.getOrganization() != null
            ? project.getOrganization().getName() : null);
  }

  /**
   * Whether the nearest POM that declares {@code field}, from the project up its parents, is
   * one of the project's own: the project's, or a parent of its group or on disk above it.
   */
  private boolean ownDeclares(Function<Model, Object> field) {
    for (MavenProject current = project; current != null; current = current.getParent()) {
      if (current != project && !isOwn(current)) {
        return false;
      }
      // As written, before inheritance; a project built without one (a test's) as it is.
      Model written = current.getOriginalModel() != null ? current.getOriginalModel()
          : current == project ? current.getModel() : null;
      Object value = written == null ? null : field.apply(written);
      if (value != null && !(value instanceof Collection<?> list && list.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  private boolean isOwn(MavenProject parent) {
    if (parent.getGroupId() != null && parent.getGroupId().equals(project.getGroupId())) {
      return true;
    }
    File pom = parent.getFile();
    File basedir = project.getBasedir();
    return pom != null && basedir != null
        && basedir.toPath().toAbsolutePath().normalize()
            .startsWith(pom.toPath().toAbsolutePath().normalize().getParent());
  }

  private static String withoutCredentials(String url, Setting setting, BuildLog log) {
    String stripped = UrlCredentials.strip(url);
    if (stripped != null && !stripped.equals(url)) {
      log.warn(setting.element() + " holds credentials; they were left out of the image's"
          + " labels, which give " + stripped + ". Remove them from the POM: anyone who can pull"
          + " the image would read them, and the POM is not the place for a secret either.");
    }
    return stripped;
  }

  private String pluginSetting(String artifactId, String... path) {
    for (Plugin plugin : project.getBuildPlugins()) {
      if (!plugin.getArtifactId().equals(artifactId)) {
        continue;
      }
      Object configuration = plugin.getConfiguration();
      if (!(configuration instanceof Xpp3Dom)) {
        return null;
      }
      Xpp3Dom node = (Xpp3Dom) configuration;
      for (String name : path) {
        node = node.getChild(name);
        if (node == null) {
          return null;
        }
      }
      return node.getValue();
    }
    return null;
  }

  /** The first value that is set; an unresolved {@code ${...}} (e.g. Boot's {@code start-class}) is not. */
  private static String firstOf(String first, String second) {
    return isSet(first) ? first : (isSet(second) ? second : null);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank() && !value.contains("${");
  }
}
