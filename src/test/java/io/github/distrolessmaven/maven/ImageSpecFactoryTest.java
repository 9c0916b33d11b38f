package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.mainclass.JavaSources;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.pipeline.Destination;
import io.github.distrolessmaven.core.spec.BuildTimestamps;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.spec.OutputPaths;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import io.github.distrolessmaven.core.spec.RegistryOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.building.SettingsProblem;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The goals' parameters and the Maven project, mapped onto one validated {@link ImageSpec}: the
 * defaults, the POM's values in the right fields, the {@code distroless.*} properties over the
 * POM, and every mistake reported against the element the user wrote.
 */
class ImageSpecFactoryTest {

  private static final String APP =
      "package com.example; public class App { public static void main(String[] args) {} }";
  private static final String OTHER =
      "package com.example; public class Other { public static void main(String[] args) {} }";

  /** Compiled once for the class: javac is the slow part of these tests. */
  @TempDir static Path compiled;
  private static Path oneMain;
  private static Path twoMains;
  private static Path noClasses;

  @TempDir Path dir;
  private Model model;
  private DefaultMavenExecutionRequest request;
  private List<Dependency> dependencies;
  private final RecordingLog log = new RecordingLog();

  @BeforeAll
  static void compile() throws IOException {
    oneMain = compiled.resolve("one");
    JavaSources.compile(compiled.resolve("src-one"), oneMain, Map.of("com/example/App.java", APP));
    twoMains = compiled.resolve("two");
    JavaSources.compile(compiled.resolve("src-two"), twoMains,
        Map.of("com/example/App.java", APP, "com/example/Other.java", OTHER));
    noClasses = Files.createDirectories(compiled.resolve("empty"));
  }

  @BeforeEach
  void project() {
    model = new Model();
    model.setGroupId("com.example");
    model.setArtifactId("demo-app");
    model.setVersion("1.0.0");
    model.setPackaging("jar");
    model.setBuild(new Build());
    model.getBuild().setDirectory(dir.resolve("target").toString());
    model.getBuild().setOutputDirectory(oneMain.toString());
    model.getProperties().setProperty("maven.compiler.release", "17");
    model.getProperties().setProperty("project.build.outputTimestamp", "2026-01-01T00:00:00Z");
    request = new DefaultMavenExecutionRequest();
    dependencies = List.of();
  }

  /** The goal on this test's project and session, as Maven would inject them. */
  @SuppressWarnings("deprecation")
  private <T extends AbstractDistrolessMojo> T goal(T mojo) {
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());
    mojo.project = project;
    mojo.session = new MavenSession(null, null, request, null);
    mojo.setLog(log);
    return mojo;
  }

  private TarMojo tar() {
    return goal(new TarMojo());
  }

  /** A build goal with a target, so that only what a test sets can be wrong. */
  private BuildMojo build() {
    BuildMojo mojo = goal(new BuildMojo());
    Beans.set(mojo.to, "image", "registry.example.com/team/app:1.0");
    return mojo;
  }

  private ImageSpec spec(AbstractDistrolessMojo mojo) throws InvalidConfigurationException {
    try {
      return new ImageSpecFactory(mojo, mojo.destination() == Destination.REGISTRY,
          () -> dependencies, new MavenBuildLog(log)).create();
    } catch (ImageBuildException e) {
      throw new AssertionError("only a linked runtime fails this way, and none is linked here", e);
    }
  }

  private void property(String name, String value) {
    request.getUserProperties().setProperty(name, value);
  }

  /**
   * Asserts that the goal's spec is refused for {@code setting}, and returns the message as
   * Maven prints it, which starts with how the user wrote the setting.
   */
  private String refused(AbstractDistrolessMojo mojo, Setting setting, String renderedStart) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> spec(mojo));
    assertEquals(setting, e.setting(), e.getMessage());
    String rendered = SettingNames.render(e.getMessage());
    assertTrue(rendered.startsWith(renderedStart), rendered);
    assertFalse(rendered.contains("{@"), rendered);
    return rendered;
  }

  private static List<String> targets(PlannedLayer layer) {
    return layer.files().stream().map(PlannedFile::target).collect(Collectors.toList());
  }

  private static PlannedLayer layer(ImageSpec spec, String name) {
    return spec.content().layers().layers().stream()
        .filter(layer -> layer.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no layer '" + name + "' in "
            + spec.content().layers().layers()));
  }

  // ---------------------------------------------------------------- defaults

  @Test
  @SuppressWarnings("deprecation")
  void aBaseByTagIsWarnedOfOncePerBuildUnlessTheUserFloatsOnIt() throws Exception {
    // One build's session, shared by its modules' goals.
    RepositorySystemSession build = new DefaultRepositorySystemSession();
    List<Boolean> warned = new ArrayList<>();
    for (int module = 0; module < 3; module++) {
      TarMojo mojo = tar();
      mojo.session = new MavenSession(null, build, request, null);
      warned.add(spec(mojo).warnUnpinnedBase());
    }
    assertEquals(List.of(true, false, false), warned);

    TarMojo another = tar();
    another.session = new MavenSession(null, new DefaultRepositorySystemSession(), request, null);
    assertTrue(spec(another).warnUnpinnedBase(), "a new build warns again");
    TarMojo floating = tar();
    floating.allowUnpinnedBase = true;
    floating.session = new MavenSession(null, new DefaultRepositorySystemSession(), request, null);
    assertFalse(spec(floating).warnUnpinnedBase());
    property("distroless.allowUnpinnedBase", "true");
    TarMojo byProperty = tar();
    byProperty.session =
        new MavenSession(null, new DefaultRepositorySystemSession(), request, null);
    assertFalse(spec(byProperty).warnUnpinnedBase());
  }

  @Test
  void defaultsOfAnArchive() throws Exception {
    ImageSpec spec = spec(tar());
    ImageContent content = spec.content();

    assertEquals("gcr.io/distroless/java17-debian13:nonroot", content.baseImage());
    assertEquals("demo-app:1.0.0", content.targetImage());
    assertEquals(List.of(), content.additionalTags());
    assertEquals("65532:65532", content.user());
    assertEquals(List.of("/usr/bin/java", "-cp", "/app/classes", "com.example.App"),
        content.entrypoint());
    assertEquals(List.of(), content.args());
    assertEquals(Map.of(), content.environment());
    assertEquals(Set.of(), content.ports());
    assertEquals(Map.of(), content.userLabels());
    assertEquals(List.of(), content.volumes());
    assertEquals(Optional.empty(), content.workingDirectory());
    assertEquals(ImageFormat.DOCKER, content.format());
    assertFalse(content.allowShell());
    assertEquals(List.of("/app/classes"), content.layers().classpath());
    assertEquals(List.of("classes"), content.layers().layers().stream()
        .map(PlannedLayer::name).collect(Collectors.toList()));
    assertTrue(targets(layer(spec, "classes")).contains("/app/classes/com/example/App.class"),
        targets(layer(spec, "classes")).toString());
    assertEquals(new MavenCoordinates("com.example", "demo-app", "1.0.0", "", "jar"),
        content.application());
    assertEquals("demo-app", content.project().title(), "no <name>: the artifactId");
  }

  @Test
  void defaultOutputsAndStorageAreUnderTargetDistroless() throws Exception {
    ImageSpec spec = spec(tar());
    Path distroless = dir.resolve("target/distroless");

    assertEquals(new OutputPaths(
        distroless.resolve("image.tar"),
        distroless.resolve("image.digest"),
        distroless.resolve("image.id"),
        distroless.resolve("image.json"),
        distroless.resolve("security-context.yaml"),
        distroless.resolve("sbom.cdx.json")), spec.outputs());
    assertEquals(distroless, spec.storage().projectDirectory());
    assertEquals("distroless-maven-plugin", spec.storage().sharedCache().getFileName().toString());
  }

  @Test
  void defaultRegistryOptionsAreAnonymousOnlineAndSecure() throws Exception {
    RegistryOptions registries = spec(tar()).registries();

    assertEquals(Map.of(), registries.registryMirrors());
    assertFalse(registries.allowInsecureRegistries());
    assertFalse(registries.offline());
    assertEquals(Optional.empty(), registries.baseCredentials().explicit());
    assertEquals(Optional.empty(), registries.targetCredentials().explicit());
    assertEquals(Optional.empty(), registries.targetCredentials().credHelper());
    assertEquals(Map.of(), registries.targetCredentials().servers());
  }

  @Test
  void anArchiveIsNamedByTheLowerCasedArtifactIdAndVersion() throws Exception {
    model.setArtifactId("Demo-App");
    model.setVersion("2.0-SNAPSHOT");

    assertEquals("demo-app:2.0-snapshot", spec(tar()).content().targetImage());
  }

  @ParameterizedTest
  @CsvSource({
      "17, , gcr.io/distroless/java17-debian13:nonroot",
      "11, , gcr.io/distroless/java17-debian13:nonroot",
      "21, , gcr.io/distroless/java21-debian13:nonroot",
      "25, , gcr.io/distroless/java25-debian13:nonroot",
      " , 1.8, gcr.io/distroless/java17-debian13:nonroot",
      " , 21, gcr.io/distroless/java21-debian13:nonroot",
      "21, 17, gcr.io/distroless/java21-debian13:nonroot",
      " , , gcr.io/distroless/java17-debian13:nonroot"})
  void theDefaultBaseFollowsTheCompilersRelease(String release, String target, String base)
      throws Exception {
    model.getProperties().remove("maven.compiler.release");
    if (release != null) {
      model.getProperties().setProperty("maven.compiler.release", release);
    }
    if (target != null) {
      model.getProperties().setProperty("maven.compiler.target", target);
    }

    assertEquals(base, spec(tar()).content().baseImage());
  }

  @Test
  void theDefaultBaseFollowsAReleaseGivenOnTheCommandLineAndSaysWhenItIsOlder()
      throws Exception {
    property("maven.compiler.release", "21");
    assertEquals("gcr.io/distroless/java21-debian13:nonroot", spec(tar()).content().baseImage());
    assertTrue(log.lines.stream().noneMatch(line -> line.contains("compiled for Java")),
        log.lines.toString());

    property("maven.compiler.release", "11");
    assertEquals("gcr.io/distroless/java17-debian13:nonroot", spec(tar()).content().baseImage());
    assertEquals(1, log.lines.stream().filter(line -> line.startsWith("[info] The project is"
        + " compiled for Java 11 (maven.compiler.release); the oldest distroless Java base is"
        + " java17")).count(), log.lines.toString());
  }

  @Test
  void aPropertyInThePomsPropertiesOverridesThePluginsConfiguration() throws Exception {
    model.getProperties().setProperty("distroless.to.image", "registry.example.com/team/app:props");
    model.getProperties().setProperty("distroless.from.image",
        "registry.example.com/base/java:21");

    ImageContent content = spec(build()).content();

    assertEquals("registry.example.com/team/app:props", content.targetImage());
    assertEquals("registry.example.com/base/java:21", content.baseImage());
  }

  @Test
  void jibsImageShorthandAndItsPropertiesAreReadWhereOursAreNotGiven() throws Exception {
    property("image", "registry.example.com/team/app:shorthand");
    assertEquals("registry.example.com/team/app:shorthand", spec(build()).content().targetImage());
    assertTrue(log.lines.stream().noneMatch(line -> line.contains("rename")), log.lines.toString());

    model.getProperties().setProperty("distroless.to.image", "registry.example.com/team/app:pom");
    assertEquals("registry.example.com/team/app:shorthand", spec(build()).content().targetImage(),
        "the command line wins over the POM's properties");
    property("distroless.to.image", "registry.example.com/team/app:ours");
    assertEquals("registry.example.com/team/app:ours", spec(build()).content().targetImage(),
        "ours wins over Jib's in the same place");

    property("jib.from.image", "registry.example.com/base/java:25");
    property("jib.from.platforms", "linux/arm64");
    ImageContent content = spec(build()).content();
    assertEquals("registry.example.com/base/java:25", content.baseImage());
    assertEquals("linux/arm64/v8", content.platforms().get(0).toString());
    assertTrue(log.lines.contains("[info] Reading Jib's property jib.from.image as"
        + " distroless.from.image: rename it to distroless.from.image."), log.lines.toString());
    assertTrue(log.lines.contains("[info] Reading Jib's property jib.from.platforms as"
        + " distroless.platforms: rename it to distroless.platforms."), log.lines.toString());
  }

  @Test
  void theDefaultBaseFollowsTheCompilerPluginsRelease() throws Exception {
    model.getProperties().remove("maven.compiler.release");
    model.getBuild().addPlugin(plugin("maven-compiler-plugin", "release", "21"));

    assertEquals("gcr.io/distroless/java21-debian13:nonroot", spec(tar()).content().baseImage());
  }

  @Test
  void theDefaultBaseIsNotPickedWhenABaseIsGiven() throws Exception {
    model.getProperties().setProperty("maven.compiler.release", "21");
    TarMojo mojo = tar();
    Beans.set(mojo.from, "image", "gcr.io/distroless/java17-debian13:nonroot");

    assertEquals("gcr.io/distroless/java17-debian13:nonroot", spec(mojo).content().baseImage());
  }

  // ---------------------------------------------------------------- the POM's values

  @Test
  void containerValuesGoToTheirFields() throws Exception {
    BuildMojo mojo = build();
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("JAVA_TOOL_OPTIONS", "-Xss1m");
    environment.put("APP_MODE", "prod");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("com.example.team", "core");
    Beans.set(mojo.container, "environment", environment);
    Beans.set(mojo.container, "labels", labels);
    Beans.set(mojo.container, "ports", List.of("8080", "9000/udp", "7000-7002"));
    Beans.set(mojo.container, "volumes", List.of("/data/", "/var/cache/app"));
    Beans.set(mojo.container, "workingDirectory", "/work");
    Beans.set(mojo.container, "args", List.of("--port", "8080"));
    Beans.set(mojo.container, "user", "1000:2000");

    ImageContent content = spec(mojo).content();

    assertEquals("registry.example.com/team/app:1.0", content.targetImage());
    assertEquals(List.of("JAVA_TOOL_OPTIONS", "APP_MODE"),
        new ArrayList<>(content.environment().keySet()), "in the POM's order");
    assertEquals(environment, content.environment());
    assertEquals(labels, content.userLabels());
    assertEquals(List.of(
        new ExposedPort(8080, "tcp"),
        new ExposedPort(9000, "udp"),
        new ExposedPort(7000, "tcp"),
        new ExposedPort(7001, "tcp"),
        new ExposedPort(7002, "tcp")), new ArrayList<>(content.ports()));
    assertEquals(List.of("/data", "/var/cache/app"), content.volumes());
    assertEquals(Optional.of("/work"), content.workingDirectory());
    assertEquals(List.of("--port", "8080"), content.args());
    assertEquals("1000:2000", content.user());
  }

  @Test
  void jvmFlagsComeBeforeTheClasspathInTheEntrypoint() throws Exception {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "jvmFlags", List.of("-XX:MaxRAMPercentage=75", "-Dapp.mode=prod"));

    assertEquals(List.of("/usr/bin/java", "-XX:MaxRAMPercentage=75", "-Dapp.mode=prod",
        "-cp", "/app/classes", "com.example.App"), spec(mojo).content().entrypoint());
  }

  @Test
  void theClasspathHoldsTheDependenciesInMavensOrderUnderTheAppRoot() throws Exception {
    Path guava = Files.writeString(dir.resolve("guava-33.0.jar"), "jar");
    Path lib = jar(dir.resolve("lib-1.0-SNAPSHOT.jar"), "com/example/Lib.class");
    dependencies = List.of(
        new Dependency(new MavenCoordinates("com.google.guava", "guava", "33.0", "", "jar"),
            guava, Dependency.Origin.RELEASE),
        new Dependency(new MavenCoordinates("com.example", "lib", "1.0-SNAPSHOT", "", "jar"),
            lib, Dependency.Origin.SNAPSHOT));
    TarMojo mojo = tar();
    Beans.set(mojo.container, "appRoot", "/opt/app/");

    ImageContent content = spec(mojo).content();

    assertEquals(List.of("/usr/bin/java", "-cp",
        "/opt/app/classes:/opt/app/libs/guava-33.0.jar:/opt/app/libs/lib-1.0-SNAPSHOT.jar",
        "com.example.App"), content.entrypoint());
    assertEquals(dependencies.get(0), content.dependencies().get(0));
    // The SNAPSHOT, built at some time, is layered as its reproducible copy, by the same name.
    assertEquals(dir.resolve("target/distroless/jars/dependencies/com.example/lib/"
        + "lib-1.0-SNAPSHOT.jar"), content.dependencies().get(1).file());
    assertEquals(dependencies.get(1).coordinates(), content.dependencies().get(1).coordinates());
  }

  @Test
  void packagedModeLayersTheProjectsJarReproduciblyInPlaceOfItsClasses() throws Exception {
    Path jar = jar(dir.resolve("target/demo-app-1.0.0.jar"), "com/example/App.class");
    TarMojo mojo = tar();
    artifact(mojo, jar);
    Beans.set(mojo, "containerizingMode", "packaged");

    ImageSpec spec = spec(mojo);

    PlannedLayer layer = layer(spec, "jar");
    assertEquals(List.of("/app", "/app/classpath", "/app/classpath/demo-app-1.0.0.jar"),
        targets(layer));
    Path copy = layer.files().get(2).source();
    assertEquals(dir.resolve("target/distroless/jars/project/demo-app-1.0.0.jar"), copy);
    try (ZipFile zip = new ZipFile(copy.toFile())) {
      assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0, 2),
          zip.getEntry("com/example/App.class").getTimeLocal());
    }
    assertTrue(spec.content().layers().layers().stream()
        .noneMatch(l -> l.name().equals("classes") || l.name().equals("resources")));
    assertEquals(List.of("/usr/bin/java", "-cp", "/app/classpath/demo-app-1.0.0.jar",
        "com.example.App"), spec.content().entrypoint());

    // The property overrides the POM, as for every setting.
    property("distroless.containerizingMode", "exploded");
    assertEquals(List.of("/usr/bin/java", "-cp", "/app/classes", "com.example.App"),
        spec(mojo).content().entrypoint());
  }

  @Test
  void packagedModeWithoutAJarOrWithABootJarOrAnUnknownModeIsRefused() throws Exception {
    TarMojo mojo = tar();
    property("distroless.containerizingMode", "packaged");
    assertTrue(refused(mojo, Setting.CONTAINERIZING_MODE, "<containerizingMode>: is packaged")
        .contains("run 'mvn package distroless:build'"));

    Path boot = jar(dir.resolve("target/demo-app-1.0.0.jar"), "BOOT-INF/classes/App.class");
    artifact(mojo, boot);
    assertTrue(refused(mojo, Setting.CONTAINERIZING_MODE, "<containerizingMode>: is packaged")
        .contains("Spring Boot executable jar"));

    property("distroless.containerizingMode", "war");
    assertTrue(refused(mojo, Setting.CONTAINERIZING_MODE, "<containerizingMode>: is 'war'")
        .contains("exploded"));
  }

  @Test
  void extraClasspathComesBeforeTheComputedOneFromThePomOrTheProperty() throws Exception {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "extraClasspath", new ArrayList<>(List.of("/app/plugins/*")));
    assertEquals(List.of("/usr/bin/java", "-cp", "/app/plugins/*:/app/classes",
        "com.example.App"), spec(mojo).content().entrypoint());

    property("jib.container.extraClasspath", "/opt/agent.jar,/etc/app/");
    assertEquals("/opt/agent.jar:/etc/app:/app/classes", spec(mojo).content().entrypoint().get(2));

    property("distroless.container.extraClasspath", "plugins/*");
    assertTrue(refused(mojo, Setting.CONTAINER_EXTRA_CLASSPATH, "<container><extraClasspath>: 'plugins/*'")
        .contains("is not an absolute Unix-style path"));
  }

  /** The project's artifact, as the package phase leaves it. */
  private static void artifact(AbstractDistrolessMojo mojo, Path file) {
    DefaultArtifact artifact = new DefaultArtifact("com.example", "demo-app", "1.0.0", "compile",
        "jar", "", new DefaultArtifactHandler("jar"));
    artifact.setFile(file.toFile());
    mojo.project.setArtifact(artifact);
  }

  /** A jar holding empty entries of these names. */
  private static Path jar(Path file, String... names) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void aGivenEntrypointReplacesJavaAndTheMainClass() throws Exception {
    model.getBuild().setOutputDirectory(twoMains.toString());
    TarMojo mojo = tar();
    Beans.set(mojo.container, "entrypoint", List.of("/usr/bin/java", "-jar", "/app/app.jar"));
    Beans.set(mojo.container, "jvmFlags", List.of("-Xmx1g"));

    assertEquals(List.of("/usr/bin/java", "-jar", "/app/app.jar"),
        spec(mojo).content().entrypoint(),
        "two main classes would be refused if the main class were still looked for");
  }

  @Test
  void theMainClassComesFromTheJarManifestWhenNotGiven() throws Exception {
    model.getBuild().setOutputDirectory(twoMains.toString());
    model.getBuild().addPlugin(jarManifestMainClass("com.example.Other"));

    List<String> entrypoint = spec(tar()).content().entrypoint();

    assertEquals("com.example.Other", entrypoint.get(entrypoint.size() - 1));
  }

  @Test
  void theConfiguredMainClassWinsOverTheJarManifest() throws Exception {
    model.getBuild().addPlugin(jarManifestMainClass("com.example.App"));
    TarMojo mojo = tar();
    Beans.set(mojo.container, "mainClass", "com.example.Other");

    List<String> entrypoint = spec(mojo).content().entrypoint();

    assertEquals("com.example.Other", entrypoint.get(entrypoint.size() - 1));
  }

  @Test
  void rootIsAcceptedWhenAllowedAndWrittenNumerically() throws Exception {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "user", "root");
    Beans.set(mojo.container, "allowRoot", true);

    assertEquals("0", spec(mojo).content().user());
  }

  @Test
  void formatAndTimestampsComeFromTheContainer() throws Exception {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "format", "OCI");
    Beans.set(mojo.container, "creationTime", "2025-06-01T12:00:00Z");

    ImageContent content = spec(mojo).content();

    assertEquals(ImageFormat.OCI, content.format());
    assertEquals(new BuildTimestamps(Instant.parse("2025-06-01T12:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z")), content.timestamps(),
        "files keep project.build.outputTimestamp");
  }

  @Test
  void timestampsDefaultToTheProjectsOutputTimestamp() throws Exception {
    Instant outputTimestamp = Instant.parse("2026-01-01T00:00:00Z");

    assertEquals(new BuildTimestamps(outputTimestamp, outputTimestamp),
        spec(tar()).content().timestamps());

    // On the command line, as Maven's own plugins read it.
    property("project.build.outputTimestamp", "2027-02-03T04:05:06Z");
    assertEquals(Instant.parse("2027-02-03T04:05:06Z"),
        spec(tar()).content().timestamps().creationTime());
  }

  @Test
  void projectMetadataIsReadForTheLabels() throws Exception {
    model.setName("Demo");
    model.setDescription("A demo");
    model.setUrl("https://example.com/demo");

    ProjectMetadata metadata = spec(tar()).content().project();

    assertEquals("Demo", metadata.title());
    assertEquals("A demo", metadata.description());
    assertEquals("1.0.0", metadata.version());
    assertEquals("https://example.com/demo", metadata.url());
  }

  @Test
  void credentialsInTheProjectsUrlsAreLeftOutWithAWarningThatNamesTheElementNotTheSecret()
      throws Exception {
    model.setUrl("https://deploy:s3cr3t-pass@example.com/demo");
    org.apache.maven.model.Scm scm = new org.apache.maven.model.Scm();
    scm.setUrl("https://ghp_t0ken@git.example.com/team/demo");
    model.setScm(scm);

    ProjectMetadata metadata = spec(tar()).content().project();

    assertEquals("https://example.com/demo", metadata.url());
    assertEquals("https://git.example.com/team/demo", metadata.source());
    assertTrue(log.lines.contains("[warn] the POM's <url> holds credentials; they were left out"
        + " of the image's labels, which give https://example.com/demo. Remove them from the"
        + " POM: anyone who can pull the image would read them, and the POM is not the place for"
        + " a secret either."), log.lines.toString());
    assertTrue(log.lines.stream().anyMatch(line -> line.startsWith("[warn] the POM's <scm><url>"
        + " holds credentials")), log.lines.toString());
    assertTrue(log.lines.stream().noneMatch(line -> line.contains("s3cr3t")
        || line.contains("t0ken")), log.lines.toString());
  }

  @Test
  void extraDirectoriesAreCopiedWithTheirPermissions() throws Exception {
    Path config = Files.createDirectories(dir.resolve("src/main/config/bin"));
    Files.writeString(config.resolve("run.sh"), "#!/usr/bin/java --source 17");
    Files.writeString(config.resolve("readme.txt"), "hello");
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.ExtraPath path = new ExtraDirectoriesParameters.ExtraPath();
    Beans.set(path, "from", new File("src/main/config"));
    Beans.set(path, "into", "/opt/extra");
    ExtraDirectoriesParameters.Permission permission = new ExtraDirectoriesParameters.Permission();
    Beans.set(permission, "file", "/opt/extra/bin/*.sh");
    Beans.set(permission, "mode", "755");
    Beans.set(mojo.extraDirectories, "paths", List.of(path));
    Beans.set(mojo.extraDirectories, "permissions", List.of(permission));

    PlannedLayer extra = layer(spec(mojo), "extra files");

    Map<String, Integer> modes = extra.files().stream()
        .collect(Collectors.toMap(PlannedFile::target, PlannedFile::mode));
    assertEquals(0755, modes.get("/opt/extra/bin/run.sh"), modes.toString());
    assertEquals(0644, modes.get("/opt/extra/bin/readme.txt"), modes.toString());
    assertEquals(config.resolve("run.sh"), extra.files().stream()
        .filter(file -> file.target().equals("/opt/extra/bin/run.sh"))
        .findFirst().orElseThrow().source(), "a relative <from> is the project's");
  }

  @Test
  void srcMainDistrolessIsCopiedIntoTheRootByDefault() throws Exception {
    Path etc = Files.createDirectories(dir.resolve("src/main/distroless/etc/app"));
    Files.writeString(etc.resolve("app.conf"), "x=1");

    assertTrue(targets(layer(spec(tar()), "extra files")).contains("/etc/app/app.conf"));
  }

  @Test
  void outputPathsAreTheProjectsWhenRelative() throws Exception {
    Path absolute = dir.resolve("elsewhere/digest.txt").toAbsolutePath();
    TarMojo mojo = tar();
    Beans.set(mojo.outputPaths, "tar", new File("out/app.tar"));
    Beans.set(mojo.outputPaths, "digest", absolute.toFile());

    OutputPaths outputs = spec(mojo).outputs();

    assertEquals(dir.resolve("out/app.tar"), outputs.tar());
    assertEquals(absolute, outputs.digest());
    assertEquals(dir.resolve("target/distroless/image.id"), outputs.imageId());
  }

  @Test
  void registryOptionsComeFromTheGoalAndTheSession() throws Exception {
    request.setOffline(true);
    TarMojo mojo = tar();
    mojo.allowInsecureRegistries = true;
    mojo.registryMirrors = List.of(mirror("gcr.io", "mirror.example.com:5000", "mirror2:5000"));

    RegistryOptions registries = spec(mojo).registries();

    assertTrue(registries.allowInsecureRegistries());
    assertTrue(registries.offline());
    assertEquals(Map.of("gcr.io", List.of("mirror.example.com:5000", "mirror2:5000")),
        registries.registryMirrors());
  }

  @Test
  void everyContainerSettingHasAPropertyThatReplacesThePomsValue() throws Exception {
    BuildMojo mojo = build();
    Beans.set(mojo.container, "environment", new LinkedHashMap<>(Map.of("FROM_POM", "1")));
    Beans.set(mojo.container, "jvmFlags", new ArrayList<>(List.of("-Dfrom=pom")));
    property("distroless.container.jvmFlags", "-Xss1m, -XX:MaxRAMPercentage=75");
    property("distroless.container.args", "serve,--port=8080");
    property("distroless.container.environment", "MODE=prod,EMPTY=,URL=http://a=b");
    property("distroless.container.labels", "team=core");
    property("distroless.container.ports", "8080,9090/udp");
    property("distroless.container.user", "1000:1000");
    property("distroless.container.volumes", "/data");
    property("distroless.container.workingDirectory", "/work");
    property("distroless.container.appRoot", "/srv/app");
    property("distroless.container.creationTime", "2020-01-02T03:04:05Z");
    property("jib.container.mainClass", "com.example.Other");

    ImageContent content = spec(mojo).content();

    assertEquals(Map.of("MODE", "prod", "EMPTY", "", "URL", "http://a=b"),
        content.environment(), "a property replaces the POM's map whole");
    assertEquals(Map.of("team", "core"), content.userLabels());
    assertEquals(List.of("serve", "--port=8080"), content.args());
    assertEquals("1000:1000", content.user());
    assertEquals(List.of("/data"), content.volumes());
    assertEquals(Optional.of("/work"), content.workingDirectory());
    assertEquals(Instant.parse("2020-01-02T03:04:05Z"), content.timestamps().creationTime());
    List<String> entrypoint = content.entrypoint();
    assertEquals(List.of("/usr/bin/java", "-Xss1m", "-XX:MaxRAMPercentage=75", "-cp"),
        entrypoint.subList(0, 4));
    assertTrue(entrypoint.get(4).startsWith("/srv/app/"), entrypoint.toString());
    assertEquals("com.example.Other", entrypoint.get(entrypoint.size() - 1));
    assertEquals(2, content.ports().size());

    property("distroless.container.environment", "MODE");
    assertEquals("distroless.container.environment: 'MODE' in distroless.container.environment"
        + " is not NAME=value. Write NAME=value pairs, comma-separated, e.g."
        + " -Ddistroless.container.environment=A=1,B=2.",
        SettingNames.render(assertThrows(InvalidConfigurationException.class,
            () -> spec(mojo)).getMessage()).replace("<container><environment>",
                "distroless.container.environment"));
  }

  @Test
  void extraDirectoriesCanBeNamedByProperty() throws Exception {
    Files.createDirectories(dir.resolve("from-prop/etc"));
    Files.writeString(dir.resolve("from-prop/etc/app.conf"), "x");
    Files.createDirectories(dir.resolve("src/main/jib"));
    Files.writeString(dir.resolve("src/main/jib/default.conf"), "x");
    property("distroless.extraDirectories.paths", "from-prop");

    List<String> files = targets(layer(spec(tar()), "extra files"));

    assertTrue(files.contains("/etc/app.conf"), files.toString());
    assertFalse(files.contains("/default.conf"), "the property replaces the default: " + files);
  }

  @Test
  void aBaseIsReadAsJibWritesIt() throws Exception {
    property("distroless.from.image", "registry://registry.example.com/base/java:21");
    assertEquals("registry.example.com/base/java:21", spec(tar()).content().baseImage());

    // An engine's image and a file by a relative path are kept as written, for the label.
    property("distroless.from.image", "docker://my-base:1");
    assertEquals("docker://my-base:1", spec(tar()).content().baseImage());
    property("distroless.from.image", "docker://My Base");
    refused(tar(), Setting.FROM_IMAGE, "<from><image>");

    Files.createFile(dir.resolve("base.tar"));
    property("distroless.from.image", "tar://base.tar");
    ImageSpec spec = spec(tar());
    assertEquals("tar://base.tar", spec.content().baseImage());
    assertEquals(dir, spec.baseDirectory());
    property("distroless.from.image", "tar://elsewhere.tar");
    assertTrue(refused(tar(), Setting.FROM_IMAGE, "<from><image>")
        .contains(dir.resolve("elsewhere.tar") + " does not exist"));
  }

  @Test
  void authAndCredHelpersHavePropertiesForACommandLineOrACiJob() throws Exception {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "auth", auth("pusher", "push-secret"));
    property("distroless.to.auth.username", "ci");
    property("distroless.to.auth.password", "ci-secret");
    property("distroless.from.auth.username", "reader");
    property("distroless.from.auth.password", "read-secret");
    property("distroless.from.credHelper", "gcr");

    RegistryOptions registries = spec(mojo).registries();

    assertEquals("ci", registries.targetCredentials().explicit().orElseThrow().username());
    assertEquals("ci-secret", registries.targetCredentials().explicit().orElseThrow().password());
    assertEquals("reader", registries.baseCredentials().explicit().orElseThrow().username());
    assertEquals(Optional.of("gcr"), registries.baseCredentials().credHelper());
  }

  @Test
  void authAndCredHelpersGoToTheirImage() throws Exception {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "auth", auth("pusher", "push-secret"));
    Beans.set(mojo.from, "auth", auth("puller", "pull-secret"));
    Beans.set(mojo.to, "credHelper", "ecr-login");

    RegistryOptions registries = spec(mojo).registries();

    assertEquals(Optional.of(new RegistryAuth("pusher", "push-secret", "<to><auth>")),
        registries.targetCredentials().explicit());
    assertEquals(Optional.of(new RegistryAuth("puller", "pull-secret", "<from><auth>")),
        registries.baseCredentials().explicit());
    assertEquals(Optional.of("ecr-login"), registries.targetCredentials().credHelper());
    assertEquals(Optional.empty(), registries.baseCredentials().credHelper());
  }

  @Test
  void settingsServersAreDecryptedForBothImages() throws Exception {
    request.addServer(FakeSettingsDecrypter.server("registry.example.com", "ci", "{encrypted}"));
    BuildMojo mojo = build();
    mojo.settingsDecrypter = new FakeSettingsDecrypter().decrypts("{encrypted}", "secret");

    RegistryOptions registries = spec(mojo).registries();

    assertEquals("secret",
        registries.targetCredentials().servers().get("registry.example.com").password());
    RegistryAuth expected =
        new RegistryAuth("ci", "secret", "settings.xml server 'registry.example.com'");
    assertEquals(Map.of("registry.example.com", expected),
        registries.targetCredentials().servers());
    assertEquals(Map.of("registry.example.com", expected), registries.baseCredentials().servers());
  }

  @Test
  void onlyTheBuildGoalRefusesOfflineMode() throws Exception {
    request.setOffline(true);
    ImageSpec spec = spec(build());

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new BuildMojo().checkBeforeBuild(spec));

    assertEquals(Setting.OFFLINE, e.setting());
    String rendered = SettingNames.render(e.getMessage());
    assertTrue(rendered.startsWith("-o (offline): distroless:build pushes to"
        + " registry.example.com/team/app:1.0"), rendered);
    assertTrue(rendered.contains("distroless:tar"), rendered);
    assertDoesNotThrow(() -> new TarMojo().checkBeforeBuild(spec));
  }

  @Test
  void theBuildGoalAcceptsOnlineMode() throws Exception {
    ImageSpec spec = spec(build());

    assertDoesNotThrow(() -> new BuildMojo().checkBeforeBuild(spec));
  }

  // ---------------------------------------------------------------- properties over the POM

  @Test
  void toImagePropertyOverridesThePom() throws Exception {
    property("distroless.to.image", " registry.example.com/team/app:2.0 ");

    assertEquals("registry.example.com/team/app:2.0", spec(build()).content().targetImage());
  }

  @Test
  void platformsAreLinuxAmd64AloneUnlessGiven() throws Exception {
    assertEquals(List.of(Platform.LINUX_AMD64), spec(build()).content().platforms());
  }

  @Test
  void platformsComeFromThePomAndThePropertyOverridesThem() throws Exception {
    PlatformParameters arm = new PlatformParameters();
    Beans.set(arm, "os", "linux");
    Beans.set(arm, "architecture", "arm64");
    Beans.set(arm, "variant", "v8");
    AbstractDistrolessMojo mojo = build();
    Beans.set(mojo.from, "platforms", List.of(arm));
    assertEquals(List.of(Platform.of("linux", "arm64", "v8")), spec(mojo).content().platforms());

    property("distroless.platforms", "linux/s390x,linux/amd64");
    assertEquals(List.of(Platform.of("linux", "s390x"), Platform.LINUX_AMD64),
        spec(mojo).content().platforms());
  }

  @Test
  void badPlatformsAreRefusedEitherWay() throws Exception {
    PlatformParameters windows = new PlatformParameters();
    Beans.set(windows, "os", "windows");
    Beans.set(windows, "architecture", "amd64");
    AbstractDistrolessMojo mojo = build();
    Beans.set(mojo.from, "platforms", List.of(windows));
    refused(mojo, Setting.FROM_PLATFORMS, "<from><platforms>: 'windows'");

    // The mojo names the property where it was given (AbstractRegistryMojoTest).
    property("distroless.platforms", "linux/arm64,linux/aarch64");
    refused(build(), Setting.FROM_PLATFORMS, "<from><platforms>: linux/arm64 and linux/aarch64"
        + " are one platform, linux/arm64/v8. Name each platform once.");
  }

  @Test
  void toImagePropertyNamesAnArchive() throws Exception {
    property("distroless.to.image", "demo:cli");

    assertEquals("demo:cli", spec(tar()).content().targetImage());
  }

  @Test
  void aSystemPropertyCountsWhenNoUserPropertyIsGiven() throws Exception {
    request.getSystemProperties().setProperty("distroless.to.image", "demo:system");
    assertEquals("demo:system", spec(tar()).content().targetImage());

    property("distroless.to.image", "demo:user");
    assertEquals("demo:user", spec(tar()).content().targetImage());
  }

  @Test
  void toTagsPropertyOverridesThePomCommaSeparated() throws Exception {
    property("distroless.to.tags", "latest, stable,,latest");
    BuildMojo mojo = build();
    Beans.set(mojo.to, "tags", List.of("pom-tag"));

    assertEquals(List.of("latest", "stable"), spec(mojo).content().additionalTags());
  }

  @Test
  void toTagsFromThePom() throws Exception {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "tags", List.of("latest", " 1 ", "latest"));

    assertEquals(List.of("latest", "1"), spec(mojo).content().additionalTags());
  }

  @Test
  void fromImagePropertyOverridesThePom() throws Exception {
    property("distroless.from.image", "registry.example.com/base/java:17");
    TarMojo mojo = tar();
    Beans.set(mojo.from, "image", "gcr.io/distroless/java21-debian13:nonroot");

    assertEquals("registry.example.com/base/java:17", spec(mojo).content().baseImage());
  }

  @Test
  void mainClassPropertyOverridesThePom() throws Exception {
    model.getBuild().setOutputDirectory(twoMains.toString());
    property("distroless.container.mainClass", "com.example.Other");
    TarMojo mojo = tar();
    Beans.set(mojo.container, "mainClass", "com.example.App");

    assertEquals(List.of("/usr/bin/java", "-cp", "/app/classes", "com.example.Other"),
        spec(mojo).content().entrypoint());
  }

  @Test
  void formatPropertyOverridesThePom() throws Exception {
    property("distroless.format", "oci");
    TarMojo mojo = tar();
    Beans.set(mojo.container, "format", "Docker");

    assertEquals(ImageFormat.OCI, spec(mojo).content().format());
  }

  @Test
  void allowShellPropertyOverridesThePomBothWays() throws Exception {
    TarMojo mojo = tar();
    mojo.allowShell = true;
    assertTrue(spec(mojo).content().allowShell(), "the POM's value");

    property("distroless.allowShell", "false");
    assertFalse(spec(mojo).content().allowShell());

    mojo.allowShell = false;
    property("distroless.allowShell", "true");
    assertTrue(spec(mojo).content().allowShell());
  }

  @Test
  void allowEndOfLifeBasePropertyOverridesThePomBothWays() throws Exception {
    TarMojo mojo = tar();
    Beans.set(mojo.from, "image", "gcr.io/distroless/java17-debian12:nonroot");
    mojo.allowEndOfLifeBase = true;
    assertEquals("gcr.io/distroless/java17-debian12:nonroot", spec(mojo).content().baseImage());

    property("distroless.allowEndOfLifeBase", "false");
    refused(mojo, Setting.FROM_IMAGE, "<from><image>: ");

    mojo.allowEndOfLifeBase = false;
    property("distroless.allowEndOfLifeBase", "true");
    assertEquals("gcr.io/distroless/java17-debian12:nonroot", spec(mojo).content().baseImage());
  }

  @Test
  void registryMirrorsPropertyIsTriedBeforeThePomsMirrors() throws Exception {
    property("distroless.registryMirrors", "gcr.io=cli.example.com:5000;docker.io=hub.example.com");
    TarMojo mojo = tar();
    mojo.registryMirrors = List.of(mirror("gcr.io", "pom.example.com:5000"));

    assertEquals(Map.of(
        "gcr.io", List.of("cli.example.com:5000", "pom.example.com:5000"),
        "docker.io", List.of("hub.example.com")), spec(mojo).registries().registryMirrors());
  }

  // ---------------------------------------------------------------- mistakes

  @Test
  void theBuildGoalNeedsATarget() {
    String message = refused(goal(new BuildMojo()), Setting.TO_IMAGE, "<to><image>: is not set");

    assertTrue(message.contains("registry.example.com/team/demo-app:1.0.0"), message);
    assertTrue(message.contains("-Ddistroless.to.image"), message);
  }

  @Test
  void aBlankTargetIsNoTargetForTheBuildGoal() {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "image", "  ");

    refused(mojo, Setting.TO_IMAGE, "<to><image>: is not set");
  }

  @Test
  void aMalformedTargetIsRefused() {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "image", "registry.example.com/Team/App:1.0");

    String message = refused(mojo, Setting.TO_IMAGE,
        "<to><image>: 'registry.example.com/Team/App:1.0' is not a valid image reference");
    assertTrue(message.contains("e.g. registry.example.com/team/app:1.0"), message);
  }

  @Test
  void aMalformedBaseIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.from, "image", "gcr.io/distroless/java17:bad tag");

    refused(mojo, Setting.FROM_IMAGE, "<from><image>: 'gcr.io/distroless/java17:bad tag' is not");
  }

  @Test
  void aMalformedTagIsRefused() {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "tags", List.of("ok", "-bad"));

    refused(mojo, Setting.TO_TAGS, "<to><tags>: '-bad' is not a valid tag");
  }

  @Test
  void anEndOfLifeBaseIsRefusedNamingItsReplacementAndTheOptOut() {
    TarMojo mojo = tar();
    Beans.set(mojo.from, "image", "gcr.io/distroless/java17-debian12:nonroot");

    String message = refused(mojo, Setting.FROM_IMAGE,
        "<from><image>: 'gcr.io/distroless/java17-debian12:nonroot' is an end-of-life");
    assertTrue(message.contains("Use gcr.io/distroless/java17-debian13:nonroot instead"), message);
    assertTrue(message.contains("<allowEndOfLifeBase>true</allowEndOfLifeBase>"), message);
  }

  @Test
  void rootIsRefusedUnlessAllowed() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "user", "0:0");

    String message = refused(mojo, Setting.CONTAINER_USER,
        "<container><user>: '0:0' runs the container as root");
    assertTrue(message.contains("<container><allowRoot>true</allowRoot>"), message);
  }

  @Test
  void aUserNameIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "user", "nonroot");

    refused(mojo, Setting.CONTAINER_USER, "<container><user>: 'nonroot' is not numeric");
  }

  @ParameterizedTest
  @CsvSource({"http", "70000", "8080/sctp", "9000-8000", "0"})
  void aBadPortIsRefused(String port) {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "ports", List.of("8080", port));

    String message = refused(mojo, Setting.CONTAINER_PORTS, "<container><ports>: '" + port + "'");
    assertTrue(message.contains("7000-7003"), message);
  }

  @Test
  void aRelativeAppRootIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "appRoot", "app");

    refused(mojo, Setting.CONTAINER_APP_ROOT,
        "<container><appRoot>: 'app' is not an absolute Unix-style path");
  }

  @Test
  void aRelativeVolumeIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "volumes", List.of("/data", "cache"));

    refused(mojo, Setting.CONTAINER_VOLUMES, "<container><volumes>: 'cache' is not an absolute");
  }

  @Test
  void aWorkingDirectoryWithDotDotIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "workingDirectory", "/app/../etc");

    refused(mojo, Setting.CONTAINER_WORKING_DIRECTORY,
        "<container><workingDirectory>: '/app/../etc' contains '..'");
  }

  @Test
  void aBadEnvironmentNameIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "environment", Map.of("1BAD", "x"));

    refused(mojo, Setting.CONTAINER_ENVIRONMENT, "<container><environment>: '1BAD' is not");
  }

  @Test
  void aBadLabelKeyIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "labels", Map.of("-team", "x"));

    refused(mojo, Setting.CONTAINER_LABELS, "<container><labels>: '-team' is not");
  }

  @Test
  void anUnknownFormatIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "format", "tarball");

    refused(mojo, Setting.CONTAINER_FORMAT, "<container><format>: 'tarball' is not a format");
  }

  @Test
  void aBadCreationTimeIsRefused() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "creationTime", "yesterday");

    refused(mojo, Setting.CONTAINER_CREATION_TIME,
        "<container><creationTime>: 'yesterday' is not an ISO-8601 date-time");
  }

  @Test
  void aMalformedMainClassIsRefusedFromThePomAndFromTheProperty() {
    TarMojo mojo = tar();
    Beans.set(mojo.container, "mainClass", "com.example.1App");
    refused(mojo, Setting.CONTAINER_MAIN_CLASS,
        "<container><mainClass>: 'com.example.1App' is not a Java class name");

    property("distroless.container.mainClass", "com/example/App");
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> spec(mojo));
    assertEquals(Setting.CONTAINER_MAIN_CLASS, e.setting());
    assertTrue(e.getMessage().contains("'com/example/App' is not a Java class name"),
        "the property's value is the one judged: " + e.getMessage());
  }

  @Test
  void twoMainClassesAreRefusedNamingBoth() {
    model.getBuild().setOutputDirectory(twoMains.toString());

    String message = refused(tar(), Setting.CONTAINER_MAIN_CLASS,
        "<container><mainClass>: several classes have a main method");
    assertTrue(message.contains("com.example.App"), message);
    assertTrue(message.contains("com.example.Other"), message);
    assertTrue(message.contains("-Ddistroless.container.mainClass=com.example."), message);
  }

  @Test
  void anUncompiledProjectIsRefused() {
    model.getBuild().setOutputDirectory(noClasses.toString());

    refused(tar(), Setting.CLASSES_DIRECTORY, "project.build.outputDirectory: ");
  }

  @Test
  void aWarIsRefusedNamingWhatRunsOnADistrolessBase() {
    model.setPackaging("war");

    String message = refused(tar(), Setting.PACKAGING, "the POM's <packaging>: is war");
    assertTrue(message.contains("Spring Boot executable jar"), message);
    assertTrue(message.contains("<container><mainClass>"), message);
  }

  @Test
  void aReleaseThatIsNoNumberIsRefused() {
    model.getProperties().setProperty("maven.compiler.release", "seventeen");

    String message = refused(tar(), Setting.JAVA_RELEASE,
        "maven.compiler.release: 'seventeen' is not a Java release");
    assertTrue(message.contains("<from><image>"), message);
  }

  @Test
  void aReleaseWithoutADistrolessBaseIsRefused() {
    model.getProperties().setProperty("maven.compiler.release", "26");

    refused(tar(), Setting.FROM_IMAGE, "<from><image>: the project is compiled for Java 26");
  }

  @Test
  void aSetuidPermissionIsRefused() {
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.Permission permission = new ExtraDirectoriesParameters.Permission();
    Beans.set(permission, "file", "/app/bin/*");
    Beans.set(permission, "mode", "4755");
    Beans.set(mojo.extraDirectories, "permissions", List.of(permission));

    String message = refused(mojo, Setting.PERMISSION_MODE,
        "<extraDirectories><permissions><permission><mode>: '/app/bin/*' gets mode 4755");
    assertTrue(message.contains("setuid"), message);
  }

  @Test
  void aWorldWritablePermissionIsRefused() {
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.Permission permission = new ExtraDirectoriesParameters.Permission();
    Beans.set(permission, "file", "/app/data/*");
    Beans.set(permission, "mode", "666");
    Beans.set(mojo.extraDirectories, "permissions", List.of(permission));

    refused(mojo, Setting.PERMISSION_MODE,
        "<extraDirectories><permissions><permission><mode>: '/app/data/*' gets mode 666");
  }

  @Test
  void aPermissionThatIsNotOctalIsRefused() {
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.Permission permission = new ExtraDirectoriesParameters.Permission();
    Beans.set(permission, "file", "/app/bin/*");
    Beans.set(permission, "mode", "rwx");
    Beans.set(mojo.extraDirectories, "permissions", List.of(permission));

    refused(mojo, Setting.PERMISSION_MODE,
        "<extraDirectories><permissions><permission><mode>: 'rwx' is not a file mode");
  }

  @Test
  void aPermissionWithoutAFileIsRefused() {
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.Permission permission = new ExtraDirectoriesParameters.Permission();
    Beans.set(permission, "mode", "755");
    Beans.set(mojo.extraDirectories, "permissions", List.of(permission));

    refused(mojo, Setting.PERMISSION, "<extraDirectories><permissions><permission>: has no <file>");
  }

  @Test
  void anExtraDirectoryNeedsAFromAndAnAbsoluteInto() {
    TarMojo mojo = tar();
    ExtraDirectoriesParameters.ExtraPath path = new ExtraDirectoriesParameters.ExtraPath();
    Beans.set(mojo.extraDirectories, "paths", List.of(path));
    refused(mojo, Setting.EXTRA_DIRECTORY_FROM,
        "<extraDirectories><paths><path><from>: is not set");

    Beans.set(path, "from", new File("src/main/config"));
    Beans.set(path, "into", "opt");
    refused(mojo, Setting.EXTRA_DIRECTORY_INTO,
        "<extraDirectories><paths><path><into>: 'opt' is not an absolute");
  }

  @Test
  void aBadMirrorIsRefusedAsTheUserWroteIt() {
    TarMojo mojo = tar();
    mojo.registryMirrors = List.of(mirror("gcr.io", "not a host"));
    refused(mojo, Setting.REGISTRY_MIRRORS,
        "<registryMirrors><registryMirror>: the mirror 'not a host' is not a host");

    mojo.registryMirrors = List.of();
    property("distroless.registryMirrors", "gcr.io");
    refused(mojo, Setting.REGISTRY_MIRRORS, "distroless.registryMirrors: 'gcr.io' has no '='");
  }

  @Test
  void aUsernameWithoutPasswordIsRefusedForEitherImage() {
    BuildMojo mojo = build();
    Beans.set(mojo.to, "auth", auth("pusher", null));
    refused(mojo, Setting.TO_AUTH, "<to><auth>: has a <username> but no <password>");

    Beans.set(mojo.to, "auth", null);
    Beans.set(mojo.from, "auth", auth("puller", null));
    refused(mojo, Setting.FROM_AUTH, "<from><auth>: has a <username> but no <password>");
  }

  @Test
  void aServerWhosePasswordCannotBeDecryptedIsRefused() {
    request.addServer(FakeSettingsDecrypter.server("registry.example.com", "ci", "{broken}"));
    BuildMojo mojo = build();
    mojo.settingsDecrypter = new FakeSettingsDecrypter()
        .fails("{broken}", SettingsProblem.Severity.ERROR);

    refused(mojo, Setting.CREDENTIAL_SERVERS,
        "settings.xml <server>: the password of the server 'registry.example.com' cannot be");
  }

  // ---------------------------------------------------------------- helpers

  private static Plugin plugin(String artifactId, String setting, String value) {
    Plugin plugin = new Plugin();
    plugin.setArtifactId(artifactId);
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom child = new Xpp3Dom(setting);
    child.setValue(value);
    configuration.addChild(child);
    plugin.setConfiguration(configuration);
    return plugin;
  }

  /** The maven-jar-plugin writing {@code mainClass} into the manifest. */
  private static Plugin jarManifestMainClass(String mainClass) {
    Xpp3Dom value = new Xpp3Dom("mainClass");
    value.setValue(mainClass);
    Xpp3Dom manifest = new Xpp3Dom("manifest");
    manifest.addChild(value);
    Xpp3Dom archive = new Xpp3Dom("archive");
    archive.addChild(manifest);
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    configuration.addChild(archive);
    Plugin jar = new Plugin();
    jar.setArtifactId("maven-jar-plugin");
    jar.setConfiguration(configuration);
    return jar;
  }

  private static RegistryMirrorParameters mirror(String registry, String... mirrors) {
    RegistryMirrorParameters mirror = new RegistryMirrorParameters();
    Beans.set(mirror, "registry", registry);
    Beans.set(mirror, "mirrors", List.of(mirrors));
    return mirror;
  }

  private static AuthParameters auth(String username, String password) {
    AuthParameters auth = new AuthParameters();
    Beans.set(auth, "username", username);
    Beans.set(auth, "password", password);
    return auth;
  }
}
