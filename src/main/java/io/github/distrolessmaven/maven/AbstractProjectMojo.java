package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal that works on a project's image shares: its base, how it runs, the registry
 * mirrors, and which modules of a build have an image at all (a module without one is skipped
 * with its reason before the goal's own work).
 */
public abstract class AbstractProjectMojo extends AbstractRegistryMojo {

  /**
   * The base image: {@code <image>} (a registry reference, {@code tar:///path} or {@code
   * oci:///dir}; default the distroless Java base of the project's release; property {@code
   * distroless.from.image}), {@code <auth>} ({@code <username>}, {@code <password>}),
   * {@code <credHelper>}, and {@code <platforms>}: {@code <platform>} elements of {@code <os>},
   * {@code <architecture>}, {@code <variant>} (default linux/amd64; property {@code
   * distroless.platforms}).
   */
  @Parameter
  FromParameters from = new FromParameters();

  /**
   * How the image runs, each also a property {@code distroless.container.<name>}: {@code
   * <user>} (default 65532:65532), {@code <allowRoot>}, {@code <mainClass>}, {@code
   * <entrypoint>} (a list, exec form), {@code <jvmFlags>}, {@code <args>}, {@code
   * <environment>} and {@code <labels>} (maps), {@code <ports>}, {@code <volumes>}, {@code
   * <workingDirectory>}, {@code <appRoot>} (default /app), {@code <creationTime>} and {@code
   * <filesModificationTime>} (ISO-8601, EPOCH, EPOCH_PLUS_SECOND; USE_CURRENT_TIMESTAMP for the
   * creation time), {@code <format>} (Docker or OCI).
   */
  @Parameter
  ContainerParameters container = new ContainerParameters();

  /**
   * Mirrors to pull from before a registry itself. Property {@code distroless.registryMirrors}:
   * {@code gcr.io=host:port[,host:port][;registry=...]}, added to these.
   */
  @Parameter
  List<RegistryMirrorParameters> registryMirrors = new ArrayList<>();

  @Override
  final void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException {
    ContainerParameters container = containerSettings();
    Optional<String> skipped;
    String mainClass = container.getMainClass();
    try {
      skipped = ModuleSelection.skipReason(project.getPackaging(), project.getGroupId(),
          project.getArtifactId(), ModuleSelection.parse(
              session == null ? null : property(Properties.CONTAINERIZE, null)),
          session == null || session.getProjects() == null ? 1 : session.getProjects().size(),
          !container.getEntrypoint().isEmpty() || (mainClass != null && !mainClass.isBlank()),
          () -> {
            ProjectInputs inputs = new ProjectInputs(project, null);
            return ModuleSelection.hasNoMainClass(inputs.manifestMainClass(),
                inputs.classesDirectory());
          });
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the classes of " + project.getArtifactId()
          + ": " + e.getMessage(), e);
    }
    if (skipped.isPresent()) {
      log.info("Skipping distroless: " + skipped.get());
      return;
    }
    runOnModule(log);
  }

  /** The goal's work on a module that has an image. */
  abstract void runOnModule(BuildLog log)
      throws InvalidConfigurationException, ImageBuildException;

  /**
   * {@code <container>} as this build sees it: a {@code distroless.container.*} property (or
   * Jib's) in place of the POM's value.
   */
  ContainerParameters containerSettings() throws InvalidConfigurationException {
    return session == null ? container : container.withProperties(name -> property(name, null));
  }
}
