package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.output.ImageOutputs;
import io.github.distrolessmaven.core.pipeline.Destination;
import io.github.distrolessmaven.core.pipeline.ImageBuilder;
import io.github.distrolessmaven.core.policy.EntrypointCheck;
import io.github.distrolessmaven.core.policy.SecurityContext;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * The parameters every image-building goal shares, and the one template they run: one
 * validated {@link ImageSpec}, the image built, the outputs written, one summary line.
 */
public abstract class AbstractDistrolessMojo extends AbstractRegistryMojo {

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
   * Directories copied into the image as they are: {@code <paths>} of {@code <path>} elements,
   * each {@code <from>} (relative to the project), {@code <into>} (absolute, default /), {@code
   * <includes>} and {@code <excludes>} (globs), or Jib's {@code <path>dir</path>}; default
   * src/main/jib and src/main/distroless into /. {@code <permissions>} of {@code <permission>}
   * elements, each {@code <file>} (a glob of image paths) and {@code <mode>} (three octal
   * digits).
   */
  @Parameter
  ExtraDirectoriesParameters extraDirectories = new ExtraDirectoriesParameters();

  /**
   * Mirrors to pull from before a registry itself. Property {@code distroless.registryMirrors}:
   * {@code gcr.io=host:port[,host:port][;registry=...]}, added to these.
   */
  @Parameter
  List<RegistryMirrorParameters> registryMirrors = new ArrayList<>();

  /**
   * Build on a distroless base that no longer gets security updates (Debian 12 Java images,
   * static/base/cc on Debian 12, Debian 11 and older, the unversioned {@code distroless/java}).
   * Refused by default, naming the Debian 13 replacement. Property
   * {@code distroless.allowEndOfLifeBase}.
   */
  @Parameter(defaultValue = "false")
  boolean allowEndOfLifeBase;

  /**
   * Build on a base that contains a shell ({@code /bin/sh}, {@code /bin/bash},
   * {@code /busybox/sh}, ... as distroless {@code :debug} tags and general-purpose images have).
   * Refused by default: a distroless image has no shell. Property {@code distroless.allowShell}.
   */
  @Parameter(defaultValue = "false")
  boolean allowShell;

  /**
   * Build on a base referenced by tag without the warning to pin it by digest: for a project
   * that chooses to take each new base its tag points to. The warning is given once per Maven
   * build for each base, however many modules use it. Property
   * {@code distroless.allowUnpinnedBase}.
   */
  @Parameter(defaultValue = "false")
  boolean allowUnpinnedBase;

  /**
   * How the project itself goes into the image, as Jib names it: {@code exploded} (default), its
   * classes and resources as files under {@code <appRoot>/classes} and {@code
   * <appRoot>/resources}, in two layers; or {@code packaged}, the jar {@code mvn package} built,
   * at {@code <appRoot>/classpath/<finalName>.jar}, for code that reads its own jar (its
   * manifest, {@code getCodeSource()}). Packaged needs the jar: run {@code mvn package
   * distroless:build}. Property {@code distroless.containerizingMode}.
   */
  @Parameter(defaultValue = "exploded")
  String containerizingMode;

  /**
   * Where the results are written: {@code <tar>} (default target/distroless/image.tar), {@code
   * <digest>} (image.digest), {@code <imageId>} (image.id), {@code <imageJson>} (image.json).
   */
  @Parameter
  OutputPathsParameters outputPaths = new OutputPathsParameters();

  @Component
  ProjectDependenciesResolver dependenciesResolver;

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
    EntrypointCheck.jvmFlagWarnings(container.getJvmFlags()).forEach(log::warn);
    ImageSpec spec =
        new ImageSpecFactory(this, destination() == Destination.REGISTRY, log).create();
    checkBeforeBuild(spec);
    BuiltImage image = new ImageBuilder(log).build(spec, destination());
    ImageOutputs.write(image, spec.outputs());
    SecurityContext security = SecurityContext.forUser(spec.content().user());
    ImageOutputs.writeSecurityContext(security, spec.outputs());
    ImageOutputs.writeSbom(image.sbom(), spec.outputs());
    Summary.report(destination(), image, spec.outputs(), security).forEach(log::info);
  }

  /**
   * {@code <container>} as this build sees it: a {@code distroless.container.*} property (or
   * Jib's) in place of the POM's value.
   */
  ContainerParameters containerSettings() throws InvalidConfigurationException {
    return session == null ? container : container.withProperties(name -> property(name, null));
  }

  /**
   * Where the goal puts the image. A push needs {@code <to><image>}; an archive can name itself.
   */
  abstract Destination destination();

  /** A last goal-specific check of the spec, before any network call. */
  void checkBeforeBuild(ImageSpec spec) throws InvalidConfigurationException {}

}
