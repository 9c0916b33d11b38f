package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.jib.BuiltImage;
import io.github.distrolessmaven.core.jib.JibImageBuilder;
import io.github.distrolessmaven.core.output.ImageOutputs;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters every image goal shares, and the one template they run: skip checks, one
 * validated {@link ImageSpec}, the goal's own work, and one translation of core failures into
 * Maven's two kinds.
 */
public abstract class AbstractDistrolessMojo extends AbstractMojo {

  /** The base image. */
  @Parameter
  FromParameters from = new FromParameters();

  /** The image to build. */
  @Parameter
  ToParameters to = new ToParameters();

  /** How the image runs: user, entrypoint, environment, ports, labels, timestamps. */
  @Parameter
  ContainerParameters container = new ContainerParameters();

  /** Directories copied into the image as they are, with their modes. */
  @Parameter
  ExtraDirectoriesParameters extraDirectories = new ExtraDirectoriesParameters();

  /**
   * Mirrors to pull from before a registry itself. Property {@code distroless.registryMirrors}:
   * {@code gcr.io=host:port[,host:port][;registry=...]}, added to these.
   */
  @Parameter
  List<RegistryMirrorParameters> registryMirrors = new ArrayList<>();

  /** Allow registries over plain HTTP or with unverified TLS certificates. */
  @Parameter(property = Properties.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
  boolean allowInsecureRegistries;

  /** Where the digest, image ID, image JSON and archive are written. */
  @Parameter
  OutputPathsParameters outputPaths = new OutputPathsParameters();

  /** Skip this goal. */
  @Parameter(property = Properties.SKIP, defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component
  SettingsDecrypter settingsDecrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping distroless: " + Properties.SKIP + " is true.");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Skipping distroless: packaging 'pom' has no classes to put in an image.");
      return;
    }
    try {
      BuildLog log = new MavenBuildLog(getLog());
      ImageSpec spec = new ImageSpecFactory(this, requiresTarget()).create();
      process(spec, log);
    } catch (InvalidConfigurationException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (ImageBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Whether the goal needs {@code <to><image>} (a push does; an archive can name itself). */
  abstract boolean requiresTarget();

  /** Where the goal puts the image. */
  abstract JibImageBuilder.Destination destination();

  /** A last goal-specific check of the spec, before any network call. */
  void checkBeforeBuild(ImageSpec spec) throws InvalidConfigurationException {}

  /** How the summary line starts, e.g. "Pushed". */
  abstract String summaryVerb(ImageSpec spec);

  private void process(ImageSpec spec, BuildLog log)
      throws InvalidConfigurationException, ImageBuildException {
    checkBeforeBuild(spec);
    BuiltImage image = new JibImageBuilder(log).build(spec, destination());
    ImageOutputs.write(image, spec.outputs());
    log.info(Summary.of(summaryVerb(spec), image));
  }

  /** A command-line property, which overrides the POM's value. */
  String property(String name, String pomValue) {
    String value = session.getUserProperties().getProperty(name);
    if (value == null) {
      value = session.getSystemProperties().getProperty(name);
    }
    return value != null ? value : pomValue;
  }
}
