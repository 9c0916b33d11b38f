package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.base.EngineBase;
import io.github.distrolessmaven.core.base.LocalBase;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.ExtraDirectory;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.LayerPlanner;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.layers.ReproducibleJars;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.policy.EndOfLifeBases;
import io.github.distrolessmaven.core.policy.EntrypointCheck;
import io.github.distrolessmaven.core.policy.FileModes;
import io.github.distrolessmaven.core.spec.BuildTimestamps;
import io.github.distrolessmaven.core.spec.ContainerUser;
import io.github.distrolessmaven.core.spec.Entrypoint;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.spec.MainClass;
import io.github.distrolessmaven.core.spec.OutputPaths;
import io.github.distrolessmaven.core.spec.Platforms;
import io.github.distrolessmaven.core.spec.RegistryOptions;
import io.github.distrolessmaven.core.spec.Storage;
import io.github.distrolessmaven.core.spec.Validate;
import io.github.distrolessmaven.core.state.StateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the goal's parameters and the project onto one validated {@link ImageSpec}. Everything
 * that can be checked is checked here, before the first network call.
 */
final class ImageSpecFactory {

  private final AbstractDistrolessMojo mojo;
  private final boolean requiresTarget;
  private final Storage storage;
  private final ProjectInputs project;
  private final BaseSettings baseSettings;
  private final BuildLog log;

  /** For a goal: the runtime dependencies resolved through Maven. */
  ImageSpecFactory(AbstractDistrolessMojo mojo, boolean requiresTarget, BuildLog log) {
    this.mojo = mojo;
    this.log = log;
    this.requiresTarget = requiresTarget;
    this.storage = storage(mojo);
    this.project = new ProjectInputs(mojo.project, new RuntimeDependencies(mojo.project,
        mojo.session, mojo.dependenciesResolver,
        new StateFiles(storage).runtimeDependencies(), log));
    this.baseSettings = new BaseSettings(mojo, project, log);
  }

  /**
   * @param dependencies the runtime dependencies, as a test gives them
   * @param log receives the warnings about the project's values
   */
  ImageSpecFactory(AbstractDistrolessMojo mojo, boolean requiresTarget,
      ProjectInputs.DependencySource dependencies, BuildLog log) {
    this.mojo = mojo;
    this.log = log;
    this.requiresTarget = requiresTarget;
    this.storage = storage(mojo);
    this.project = new ProjectInputs(mojo.project, dependencies);
    this.baseSettings = new BaseSettings(mojo, project, log);
  }

  /** The user's shared cache, and the project's {@code target/distroless}. */
  static Storage storage(AbstractProjectMojo mojo) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cacheHome = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new Storage(cacheHome.resolve("distroless-maven-plugin"),
        Path.of(mojo.project.getBuild().getDirectory(), "distroless"));
  }

  /** {@code -Ddistroless.loadPlatform}: one of the platforms built. */
  private Optional<Platform> loadPlatform(List<Platform> platforms)
      throws InvalidConfigurationException {
    String property = mojo.property(Properties.LOAD_PLATFORM, null);
    return property == null ? Optional.empty()
        : Optional.of(Platforms.loadPlatform(property, platforms));
  }

  ImageSpec create() throws InvalidConfigurationException, ImageBuildException {
    refuseWar(mojo.project.getPackaging());
    ContainerParameters container = mojo.containerSettings();
    String target = targetImage();
    ImageReferences.parse(target, Setting.TO_IMAGE);
    List<String> tags = ImageReferences.tags(tags(), Setting.TO_TAGS);
    JlinkSettings jlink = new JlinkSettings(mojo, log);
    String base = baseSettings.image();
    if (LocalBase.isLocal(base)) {
      LocalBase.checkSyntax(base, project.baseDirectory());
    } else if (!EngineBase.isEngine(base)) {
      ImageReferences.parse(base, Setting.FROM_IMAGE);
      EndOfLifeBases.check(base, Boolean.parseBoolean(mojo.property(
          Properties.ALLOW_END_OF_LIFE_BASE, String.valueOf(mojo.allowEndOfLifeBase))));
    }

    String user = ContainerUser.resolve(container.getUser(), container.isAllowRoot());
    String appRoot = Validate.absoluteUnixPath(container.getAppRoot(), Setting.CONTAINER_APP_ROOT);
    Map<String, String> environment = new LinkedHashMap<>(container.getEnvironment());
    Validate.environment(environment, Setting.CONTAINER_ENVIRONMENT);
    Validate.labels(container.getLabels(), Setting.CONTAINER_LABELS);
    List<String> volumes = new ArrayList<>();
    for (String volume : container.getVolumes()) {
      volumes.add(Validate.absoluteUnixPath(volume, Setting.CONTAINER_VOLUMES));
    }
    Optional<String> workingDirectory = Optional.empty();
    if (container.getWorkingDirectory() != null && !container.getWorkingDirectory().isBlank()) {
      workingDirectory = Optional.of(Validate.absoluteUnixPath(
          container.getWorkingDirectory(), Setting.CONTAINER_WORKING_DIRECTORY));
    }
    ImageFormat format = ImageFormat.parse(container.getFormat());
    BuildTimestamps timestamps = BuildTimestamps.resolve(
        container.getCreationTime(),
        container.getFilesModificationTime(),
        // As Maven's own plugins read it: -D first, then the project's POMs.
        mojo.session.getUserProperties().getProperty(
            ProjectInputs.OUTPUT_TIMESTAMP, project.outputTimestamp()),
        System.getenv("SOURCE_DATE_EPOCH"),
        Clock.systemUTC());

    MavenCredentials credentials = mojo.credentials();

    try {
      project.requireCompiled();
      List<Dependency> dependencies = ReproducibleJars.of(
          project.dependencies(), new StateFiles(storage).reproducibleJars());
      Optional<Path> packagedJar = packagedJar();
      LayerPlan layers = new LayerPlanner(appRoot, permissions()).plan(
          project.classesDirectory(), packagedJar, dependencies, extraDirectories());
      String launcher = Entrypoint.JAVA;
      Map<Platform, PlannedLayer> platformRuntimes = Map.of();
      if (jlink.enabled()) {
        List<Platform> platforms = baseSettings.platforms();
        Map<Platform, PlannedLayer> runtimes = jlink.runtimeLayers(baseSettings.release(),
            platforms, packagedJar.orElse(project.classesDirectory()),
            dependencies.stream().map(Dependency::file).toList(),
            new StateFiles(storage).runtimes());
        layers = layers.withFirst(runtimes.get(platforms.get(0)));
        if (platforms.size() > 1) {
          platformRuntimes = runtimes;
        }
        launcher = JlinkSettings.HOME + "/bin/java";
        environment.putIfAbsent("JAVA_HOME", JlinkSettings.HOME);
      }
      List<String> entrypoint = entrypoint(container, layers, launcher);
      ImageContent content = new ImageContent(
          base,
          baseSettings.platforms(),
          target,
          tags,
          user,
          entrypoint,
          container.getArgs(),
          environment,
          ExposedPort.parseAll(container.getPorts()),
          container.getLabels(),
          volumes,
          workingDirectory,
          format,
          timestamps,
          project.metadata(log),
          layers,
          platformRuntimes,
          project.coordinates(),
          dependencies,
          Boolean.parseBoolean(
              mojo.property(Properties.ALLOW_SHELL, String.valueOf(mojo.allowShell))));
      RegistryOptions registries = new RegistryOptions(
          baseSettings.credentials(credentials),
          credentials.forImage(mojo.auth("to", mojo.to.getAuth()), Setting.TO_AUTH,
              mojo.credHelper("to", mojo.to.getCredHelper())),
          baseSettings.mirrors(),
          mojo.insecureRegistriesAllowed(),
          mojo.session.isOffline());
      // Warned of once per build and base, unless the user chose to float on the tag.
      boolean warnUnpinnedBase = !Boolean.parseBoolean(mojo.property(
          Properties.ALLOW_UNPINNED_BASE, String.valueOf(mojo.allowUnpinnedBase)))
          && OncePerBuild.first(mojo.session, "unpinned base " + base);
      return new ImageSpec(content, registries, storage, outputPaths(),
          loadPlatform(content.platforms()), warnUnpinnedBase, project.baseDirectory());
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          Setting.CLASSES_DIRECTORY,
          "cannot read the compiled project (" + e.getMessage() + "). Run 'mvn clean package' and try again.");
    }
  }

  /**
   * A war needs a servlet container to run in, and distroless has no base with one: an image of
   * its classes would not start. Refused, naming what does run on a distroless Java base.
   */
  static void refuseWar(String packaging) throws InvalidConfigurationException {
    if ("war".equals(packaging)) {
      throw new InvalidConfigurationException(Setting.PACKAGING, "is war, which needs a servlet"
          + " container to run in, and no distroless base has one: the image would not start."
          + " Package the application with its server inside instead: a Spring Boot executable"
          + " jar (<packaging>jar</packaging> with spring-boot-starter-web; a war made for an"
          + " external Tomcat keeps working from its main class), or an embedded server (Jetty,"
          + " Tomcat, Undertow) started by your own main class, named with"
          + " <container><mainClass>.");
    }
  }

  private List<String> entrypoint(ContainerParameters container, LayerPlan layers,
      String launcher) throws InvalidConfigurationException, IOException {
    if (!container.getEntrypoint().isEmpty()) {
      EntrypointCheck.refuseInherit(container.getEntrypoint());
      return container.getEntrypoint();
    }
    String mainClass = MainClass.resolve(
        container.getMainClass(),
        project.manifestMainClass(),
        project.classesDirectory());
    List<String> classpath = new ArrayList<>();
    for (String path : container.getExtraClasspath()) {
      classpath.add(Validate.absoluteUnixPath(path, Setting.CONTAINER_EXTRA_CLASSPATH));
    }
    classpath.addAll(layers.classpath());
    return Entrypoint.java(launcher, container.getJvmFlags(), classpath, mainClass);
  }

  /**
   * The project's jar, made reproducible, for Jib's packaged mode; empty for exploded.
   *
   * @throws InvalidConfigurationException for another mode, or packaged without a jar
   */
  private Optional<Path> packagedJar() throws InvalidConfigurationException, IOException {
    String mode = mojo.property(Properties.CONTAINERIZING_MODE, mojo.containerizingMode);
    String normalized = mode == null ? "exploded" : mode.trim().toLowerCase(Locale.ROOT);
    if (normalized.equals("exploded")) {
      return Optional.empty();
    }
    if (!normalized.equals("packaged")) {
      throw new InvalidConfigurationException(Setting.CONTAINERIZING_MODE, "is '" + mode
          + "'. Write exploded (the default: the classes as files) or packaged (the project's"
          + " jar).");
    }
    Path jar = project.packagedJar();
    return Optional.of(ReproducibleJars.copy(jar,
        new StateFiles(storage).reproducibleJars().resolve("project").resolve(jar.getFileName())));
  }

  private String targetImage() throws InvalidConfigurationException {
    String image = mojo.property(Properties.TO_IMAGE, mojo.to.getImage());
    if (image != null && !image.isBlank()) {
      return image.trim();
    }
    if (requiresTarget) {
      throw new InvalidConfigurationException(
          Setting.TO_IMAGE,
          "is not set, so there is nowhere to push. Set " + Setting.TO_IMAGE.element() + " to e.g."
              + " registry.example.com/team/" + mojo.project.getArtifactId() + ":"
              + mojo.project.getVersion() + ", or pass " + Setting.TO_IMAGE.property("..."));
    }
    return (mojo.project.getArtifactId() + ":" + mojo.project.getVersion()).toLowerCase(Locale.ROOT);
  }

  private List<String> tags() {
    String property = mojo.property(Properties.TO_TAGS, null);
    return property != null ? Arrays.asList(property.split(",")) : mojo.to.getTags();
  }

  private Map<String, Integer> permissions() throws InvalidConfigurationException {
    Map<String, Integer> permissions = new LinkedHashMap<>();
    for (ExtraDirectoriesParameters.Permission permission : mojo.extraDirectories.getPermissions()) {
      if (permission.getFile() == null || permission.getFile().isBlank()) {
        throw new InvalidConfigurationException(
            Setting.PERMISSION, "has no <file>. Give a glob of image paths, e.g. /app/bin/*.");
      }
      int mode = Validate.octalMode(permission.getMode(), Setting.PERMISSION_MODE);
      FileModes.check(permission.getFile().trim(), mode, Setting.PERMISSION_MODE);
      permissions.put(permission.getFile().trim(), mode);
    }
    return permissions;
  }

  private List<ExtraDirectory> extraDirectories() throws InvalidConfigurationException {
    List<ExtraDirectory> directories = new ArrayList<>();
    String property = mojo.property(Properties.EXTRA_DIRECTORIES, null);
    if (property != null) {
      // Comma-separated directories, each copied into /, as Jib's jib.extraDirectories.paths.
      for (String dir : property.split(",")) {
        if (!dir.isBlank()) {
          directories.add(new ExtraDirectory(resolve(new File(dir.trim())), "/"));
        }
      }
      return directories;
    }
    if (mojo.extraDirectories.getPaths().isEmpty()) {
      // Jib's default first, so that a project moving from Jib keeps its files.
      for (String dir : List.of("src/main/jib", "src/main/distroless")) {
        directories.add(new ExtraDirectory(project.baseDirectory().resolve(dir), "/"));
      }
      return directories;
    }
    for (ExtraDirectoriesParameters.ExtraPath path : mojo.extraDirectories.getPaths()) {
      if (path.getFrom() == null) {
        throw new InvalidConfigurationException(
            Setting.EXTRA_DIRECTORY_FROM,
            "is not set. Name the directory to copy, e.g. src/main/distroless.");
      }
      Path from = resolve(path.getFrom());
      directories.add(new ExtraDirectory(from, Validate.absoluteUnixPath(
          path.getInto(), Setting.EXTRA_DIRECTORY_INTO), path.getIncludes(), path.getExcludes()));
    }
    return directories;
  }

  private OutputPaths outputPaths() {
    Path directory = project.buildDirectory().resolve("distroless");
    OutputPathsParameters paths = mojo.outputPaths;
    return new OutputPaths(
        orDefault(paths.getTar(), directory.resolve("image.tar")),
        orDefault(paths.getDigest(), directory.resolve("image.digest")),
        orDefault(paths.getImageId(), directory.resolve("image.id")),
        orDefault(paths.getImageJson(), directory.resolve("image.json")),
        directory.resolve("security-context.yaml"),
        directory.resolve("sbom.cdx.json"));
  }

  private Path orDefault(File configured, Path fallback) {
    return configured == null ? fallback : resolve(configured);
  }

  private Path resolve(File file) {
    return file.isAbsolute() ? file.toPath() : project.baseDirectory().resolve(file.toPath());
  }
}
