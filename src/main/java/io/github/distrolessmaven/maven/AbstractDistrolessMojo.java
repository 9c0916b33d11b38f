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
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The parameters every image-building goal shares, and the one template they run: one
 * validated {@link ImageSpec}, the image built, the outputs written, one summary line.
 */
public abstract class AbstractDistrolessMojo extends AbstractProjectMojo {

  /**
   * The image to write.
   * <ul>
   * <li>{@code <image>}: {@code [registry/]repository[:tag]}. Required by {@code build};
   * {@code tar} and {@code load} default to {@code artifactId:version}. Property {@code
   * distroless.to.image} (Jib's {@code -Dimage} too).</li>
   * <li>{@code <tags>}: more tags for the same image ({@code <tag>} elements), pushed by {@code
   * build}, carried in the archive by {@code tar}. Property {@code distroless.to.tags},
   * comma-separated.</li>
   * <li>{@code <auth>} ({@code <username>}, {@code <password>}) and {@code <credHelper>}: as
   * for {@code <from>}. Properties {@code distroless.to.auth.username}, {@code
   * distroless.to.auth.password}, {@code distroless.to.credHelper}; environment {@code
   * DISTROLESS_TO_AUTH_USERNAME}, {@code DISTROLESS_TO_AUTH_PASSWORD}, which CI systems fill from
   * their secrets. Without any of those: a settings.xml {@code <server>} whose id is the
   * registry host, then the docker {@code config.json}, then well-known helpers; never sent over
   * plain HTTP.</li>
   * </ul>
   */
  @Parameter
  ToParameters to = new ToParameters();

  /**
   * Directories copied into the image as they are.
   * <ul>
   * <li>{@code <paths>}: {@code <path>} elements, each a {@code <from>} directory (relative to
   * the project), an absolute {@code <into>} (default {@code /}), and optional {@code
   * <includes>} and {@code <excludes>} globs; Jib's shorthand {@code <path>dir</path>} copies
   * {@code dir} into {@code /}. Default Jib's {@code src/main/jib}, then {@code
   * src/main/distroless}, into {@code /}, those that exist. A symbolic link that stays inside its
   * directory is kept as a link; one that leads outside it, or to nothing, is refused. Property
   * {@code distroless.extraDirectories.paths}: directories, comma-separated, each copied into
   * {@code /}.</li>
   * <li>{@code <permissions>}: {@code <permission>} elements, each a {@code <file>} glob of image
   * paths and an octal {@code <mode>} ({@code 755}); the last match wins; setuid, setgid, sticky
   * and world-writable modes are refused. Default {@code 644} for files, {@code 755} for
   * directories.</li>
   * </ul>
   */
  @Parameter
  ExtraDirectoriesParameters extraDirectories = new ExtraDirectoriesParameters();

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
   * Where the results are written, each written whole or not at all.
   * <ul>
   * <li>{@code <tar>}: the archive of {@code tar}. Default {@code
   * target/distroless/image.tar}.</li>
   * <li>{@code <digest>}: the manifest digest (an index's, for several platforms). Default
   * {@code target/distroless/image.digest}.</li>
   * <li>{@code <imageId>}: the config digest. Default {@code target/distroless/image.id}.</li>
   * <li>{@code <imageJson>}: {@code image}, {@code digest}, {@code imageId}, {@code tags},
   * {@code base}, {@code size}. Default {@code target/distroless/image.json}.</li>
   * </ul>
   */
  @Parameter
  OutputPathsParameters outputPaths = new OutputPathsParameters();

  @Component
  ProjectDependenciesResolver dependenciesResolver;

  @Component
  ToolchainManager toolchainManager;

  @Override
  final void runOnModule(BuildLog log)
      throws InvalidConfigurationException, ImageBuildException {
    ContainerParameters container = containerSettings();
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
   * Where the goal puts the image. A push needs {@code <to><image>}; an archive can name itself.
   */
  abstract Destination destination();

  /** A last goal-specific check of the spec, before any network call. */
  void checkBeforeBuild(ImageSpec spec) throws InvalidConfigurationException {}

}
