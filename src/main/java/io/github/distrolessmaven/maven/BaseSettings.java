package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.base.DefaultBaseImage;
import io.github.distrolessmaven.core.base.EngineBase;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.Platforms;
import io.github.distrolessmaven.core.spec.RegistryMirrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base as a module's goals see it: the image ({@code <from><image>}, its property, else the
 * default for the project's Java release), the platforms and the registry mirrors. What a build
 * builds on is what {@code distroless:check-base} checks.
 */
final class BaseSettings {

  private final AbstractProjectMojo mojo;
  private final ProjectInputs project;
  private final BuildLog log;

  BaseSettings(AbstractProjectMojo mojo, ProjectInputs project, BuildLog log) {
    this.mojo = mojo;
    this.project = project;
    this.log = log;
  }

  /** The platforms to build for: the property's, else the POM's, else linux/amd64 alone. */
  List<Platform> platforms() throws InvalidConfigurationException {
    String property = mojo.property(Properties.PLATFORMS, null);
    if (property != null) {
      return Platforms.parse(property);
    }
    List<PlatformParameters> pom = mojo.from.getPlatforms();
    if (pom == null) {
      return Platforms.of(null);
    }
    List<Platforms.Entry> entries = new ArrayList<>();
    for (PlatformParameters platform : pom) {
      entries.add(platform == null ? null : new Platforms.Entry(
          platform.getOs(), platform.getArchitecture(), platform.getVariant()));
    }
    return Platforms.of(entries);
  }

  /**
   * Whether the base image comes from the command line or the JVM's system properties, which no
   * POM holds ({@code distroless.from.image} or Jib's name for it).
   */
  boolean fromCommandLine() {
    return mojo.givenOutsideThePom(Properties.FROM_IMAGE);
  }

  /**
   * The base image, in the form the core reads: the configured one, else the default for a
   * runtime linked with jlink, else the default for the project's Java release.
   */
  String image() throws InvalidConfigurationException {
    String image = mojo.property(Properties.FROM_IMAGE, mojo.from.getImage());
    if (image != null && !image.isBlank()) {
      return asJibWritesIt(image.trim());
    }
    if (mojo.jlinkEnabled()) {
      // A linked runtime needs a base without one: the OS libraries a JRE needs, and no JRE.
      return DefaultBaseImage.JAVA_BASE;
    }
    // As the compiler reads them: a -D property wins over the POM's.
    String releaseValue = mojo.property("maven.compiler.release", project.javaRelease());
    int release = release();
    DefaultBaseImage.olderReleaseNote(release, DefaultBaseImage.releaseSetting(releaseValue))
        .ifPresent(log::info);
    return DefaultBaseImage.forRelease(release);
  }

  /** The Java release the project is compiled for, as the compiler reads it. */
  int release() throws InvalidConfigurationException {
    return DefaultBaseImage.javaRelease(
        mojo.property("maven.compiler.release", project.javaRelease()),
        mojo.property("maven.compiler.target", project.javaTarget()));
  }

  /**
   * A base as Jib writes it, in the form this plugin reads: {@code registry://} names a registry
   * image, which is what a reference without a scheme is; {@code docker://} an image of the local
   * engine, kept as written (the base.name label says where the base came from).
   *
   * @throws InvalidConfigurationException for {@code docker://} without a valid image name
   */
  private static String asJibWritesIt(String image) throws InvalidConfigurationException {
    if (image.startsWith("registry://")) {
      return image.substring("registry://".length());
    }
    if (EngineBase.isEngine(image)) {
      ImageReferences.parse(image.substring(EngineBase.PREFIX.length()), Setting.FROM_IMAGE);
    }
    return image;
  }

  /** Where the base's registry credentials come from: {@code <from><auth>}, its helper, ... */
  CredentialSources credentials(MavenCredentials credentials)
      throws InvalidConfigurationException {
    return credentials.forImage(mojo.auth("from", mojo.from.getAuth()), Setting.FROM_AUTH,
        mojo.credHelper("from", mojo.from.getCredHelper()));
  }

  /** Registry host to its mirrors: the property's first, then the POM's. */
  Map<String, List<String>> mirrors() throws InvalidConfigurationException {
    Map<String, List<String>> mirrors = new LinkedHashMap<>();
    for (RegistryMirrorParameters mirror : mojo.registryMirrors) {
      RegistryMirrors.put(mirrors, mirror.getRegistry(), mirror.getMirrors());
    }
    RegistryMirrors.parse(mojo.property(Properties.REGISTRY_MIRRORS, null))
        .forEach((registry, hosts) -> mirrors.computeIfAbsent(registry, key -> new ArrayList<>()).addAll(0, hosts));
    return mirrors;
  }
}
