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
   * The base image.
   * <ul>
   * <li>{@code <image>}: a registry reference (Jib's {@code registry://} prefix is accepted);
   * {@code tar://path.tar} (docker-archive or OCI archive) or {@code oci://dir[:ref]} (OCI
   * layout), each relative to the project's folder ({@code tar://bases/base.tar}) or absolute
   * after the scheme's two slashes ({@code tar:///opt/bases/base.tar}); or Jib's {@code
   * docker://IMAGE}, an image of the local Docker or Podman engine, read through its API socket.
   * Default, by the Java release ({@code maven.compiler.release}, else {@code .target}; unset
   * means 17): {@code gcr.io/distroless/java17-debian13:nonroot} up to 17, {@code
   * java21-debian13:nonroot} for 18-21, {@code java25-debian13:nonroot} for 22-25; above 25 the
   * build stops, asking for this. With {@code <jlink>} on, {@code
   * gcr.io/distroless/java-base-debian13:nonroot}, which has no Java runtime of its own. Pin it
   * by digest ({@code ...:nonroot@sha256:...}); {@code distroless:check-base} tells when the tag
   * has moved on. Property {@code distroless.from.image}.</li>
   * <li>{@code <auth>} ({@code <username>}, {@code <password>}): credentials for the base's
   * registry. Properties {@code distroless.from.auth.username}, {@code
   * distroless.from.auth.password}; environment {@code DISTROLESS_FROM_AUTH_USERNAME}, {@code
   * DISTROLESS_FROM_AUTH_PASSWORD}.</li>
   * <li>{@code <credHelper>}: a docker credential helper, a name ({@code docker-credential-NAME}
   * on the PATH) or a path. Property {@code distroless.from.credHelper}.</li>
   * <li>{@code <platforms>}: {@code <platform>} elements, each {@code <os>} ({@code linux}),
   * {@code <architecture>} ({@code amd64}, {@code arm64}, {@code arm}, {@code ppc64le}, {@code
   * s390x}, {@code 386}, {@code riscv64}, {@code mips64le}; {@code x86_64} and {@code aarch64}
   * are read as {@code amd64} and {@code arm64}) and an optional {@code <variant>} ({@code v8}
   * for arm64), as in Jib. Two or more give an image per platform, pushed as one image index.
   * Default {@code linux/amd64} alone, whatever machine the build runs on, so that a POM gives
   * the same digest everywhere. Property {@code distroless.platforms} ({@code
   * linux/amd64,linux/arm64/v8}).</li>
   * </ul>
   */
  @Parameter
  FromParameters from = new FromParameters();

  /**
   * How the image runs. Each element also has the property {@code distroless.container.<name>}
   * (Jib's {@code jib.container.<name>} is read too), which replaces the POM's value whole: lists
   * comma-separated, maps as {@code NAME=value} pairs.
   * <ul>
   * <li>{@code <user>}: numeric {@code UID} or {@code UID:GID}; names are refused. Default
   * {@code 65532:65532}.</li>
   * <li>{@code <allowRoot>}: allow {@code <user>} to be root ({@code 0}, {@code root}, {@code
   * 0:GID}). Default false.</li>
   * <li>{@code <mainClass>}: the class to run. Default: the jar plugin's manifest main class,
   * else Spring Boot's plugin's, else the single class with a main method among the compiled
   * classes; none or several stop the build, listing the candidates.</li>
   * <li>{@code <entrypoint>}: the whole exec-form entrypoint, one {@code <entry>} per
   * argument; its first element must be an executable file of the image, and a shell is
   * refused. Main-class inference is then skipped. Default {@code /usr/bin/java <jvmFlags> -cp
   * <classpath> <mainClass>}.</li>
   * <li>{@code <extraClasspath>}: absolute paths in the image put before the computed
   * classpath, in order, as Jib's ({@code /opt/conf}, {@code /app/plugins/*}).</li>
   * <li>{@code <jvmFlags>}: JVM flags before {@code -cp}, one flag per element.</li>
   * <li>{@code <args>}: the Cmd, arguments to the main class; the base's Cmd never leaks
   * through.</li>
   * <li>{@code <environment>}: variables added to the base's; names are letters, digits and
   * {@code _}.</li>
   * <li>{@code <ports>}: {@code 8080}, {@code 8080/udp}, {@code 7000-7003}.</li>
   * <li>{@code <labels>}: labels, which win over the derived {@code org.opencontainers.image.*}
   * ones.</li>
   * <li>{@code <volumes>}: absolute paths declared as volumes.</li>
   * <li>{@code <workingDirectory>}: an absolute path. Default the base's ({@code /home/nonroot}
   * on {@code :nonroot} tags).</li>
   * <li>{@code <appRoot>}: where the application goes. Default {@code /app}.</li>
   * <li>{@code <creationTime>}: ISO-8601 (with {@code Z} or an offset), {@code EPOCH}, {@code
   * EPOCH_PLUS_SECOND} or {@code USE_CURRENT_TIMESTAMP} (not reproducible). Default {@code
   * project.build.outputTimestamp} as {@code -D} gives it or a POM of the project (or a parent)
   * sets it (Maven 4's own default does not count), else {@code SOURCE_DATE_EPOCH}, else the
   * epoch.</li>
   * <li>{@code <filesModificationTime>}: ISO-8601, {@code EPOCH} or Jib's {@code
   * EPOCH_PLUS_SECOND}. Default as {@code <creationTime>}.</li>
   * <li>{@code <format>}: {@code Docker} or {@code OCI} media types, also inside the archive of
   * {@code tar}. Default {@code Docker}. Property {@code distroless.format}.</li>
   * </ul>
   */
  @Parameter
  ContainerParameters container = new ContainerParameters();

  /**
   * Hosts to pull a registry's images from before the registry itself: {@code
   * <registryMirror>} elements, each a {@code <registry>} (e.g. {@code gcr.io}) and its {@code
   * <mirrors>} ({@code <mirror>host:port</mirror>}), tried in order. Property {@code
   * distroless.registryMirrors}: {@code gcr.io=host:port[,host:port][;registry=...]}, tried
   * before the POM's.
   */
  @Parameter
  List<RegistryMirrorParameters> registryMirrors = new ArrayList<>();

  /**
   * A Java runtime linked for the application with jlink, on a base without one: {@code
   * <enabled>} (property {@code distroless.jlink}); {@code <jdk>}, the JDK to link from (default
   * the Maven toolchain's JDK, else the one running Maven; it must be as new as the project's
   * release); {@code <addModules>}, modules added to those jdeps finds in the classes and jars
   * (and {@code jdk.crypto.ec} before JDK 22, which is loaded by name); {@code <modules>}, the
   * complete list instead; {@code <cds>}, a class data sharing archive (default on for JDK 21
   * and later, whose archives are reproducible); {@code <jdks>}, a JDK of each other platform
   * of a multi-platform image ({@code <jdk><platform>linux/arm64</platform><home>...</home>
   * </jdk>}, property {@code distroless.jlink.jdks}: {@code linux/arm64=/opt/jdk-arm64}), whose
   * {@code jmods/} that platform's runtime is linked from by the jlink of {@code <jdk>}, of the
   * same feature and interim version. The runtime goes to {@code /usr/lib/jvm/jre}
   * as a layer of its own, without its native libraries' symbol tables (crash reports then show
   * the JVM's own frames as addresses), {@code JAVA_HOME} names it, and its {@code bin/java}
   * starts the application. Without {@code <from><image>} the base is then {@code
   * gcr.io/distroless/java-base-debian13:nonroot}.
   */
  @Parameter
  JlinkParameters jlink = new JlinkParameters();

  /** Whether a runtime is linked with jlink: the property's word, else the POM's. */
  boolean jlinkEnabled() {
    return Boolean.parseBoolean(property(Properties.JLINK, String.valueOf(jlink.isEnabled())));
  }

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
