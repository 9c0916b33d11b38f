package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.output.OutputPaths;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one image build needs, validated: the Maven adapter builds it from the POM, the core
 * builds the image from it. Immutable.
 *
 * @param baseImage the base as named (a registry reference)
 * @param baseCredentials where to find credentials for the base
 * @param targetImage the image to write, with its tag
 * @param additionalTags more tags for the same image
 * @param targetCredentials where to find credentials for the target
 * @param user numeric {@code uid[:gid]}
 * @param entrypoint the exec-form entrypoint
 * @param args the Cmd, or empty for none
 * @param environment variables added to the base's
 * @param ports exposed ports
 * @param userLabels the user's own labels, which win over derived ones
 * @param volumes absolute paths declared as volumes
 * @param workingDirectory absolute path, or empty to keep the base's
 * @param format Docker or OCI media types
 * @param timestamps creation and file times
 * @param project POM metadata for the OCI labels
 * @param layers the application layers and classpath
 * @param application the project's own coordinates, for the SBOM
 * @param dependencies the runtime dependencies in the layers, for the SBOM
 * @param registryMirrors registry host to mirror hosts
 * @param allowInsecureRegistries whether plain HTTP and unverified TLS are allowed
 * @param allowShell whether a base with a shell is accepted
 * @param offline whether Maven runs offline
 * @param baseLayersCache the shared cache of base layers
 * @param applicationLayersCache the project's cache of app layers
 * @param localBasesDirectory where bases given as OCI archives or layouts are kept as
 *     docker-archives for jib-core
 * @param outputs where results go
 */
public record ImageSpec(
    String baseImage,
    CredentialSources baseCredentials,
    String targetImage,
    List<String> additionalTags,
    CredentialSources targetCredentials,
    String user,
    List<String> entrypoint,
    List<String> args,
    Map<String, String> environment,
    Set<ExposedPort> ports,
    Map<String, String> userLabels,
    List<String> volumes,
    Optional<String> workingDirectory,
    ImageFormat format,
    BuildTimestamps timestamps,
    ProjectMetadata project,
    LayerPlan layers,
    MavenCoordinates application,
    List<Dependency> dependencies,
    Map<String, List<String>> registryMirrors,
    boolean allowInsecureRegistries,
    boolean allowShell,
    boolean offline,
    Path baseLayersCache,
    Path applicationLayersCache,
    Path localBasesDirectory,
    OutputPaths outputs) {

  /**
   * Copies every collection, so that the spec cannot change once built. Maps and sets keep their
   * order: the image config must not depend on hash order, or digests would differ across runs.
   */
  public ImageSpec {
    additionalTags = List.copyOf(additionalTags);
    entrypoint = List.copyOf(entrypoint);
    args = List.copyOf(args);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    ports = Collections.unmodifiableSet(new LinkedHashSet<>(ports));
    userLabels = Collections.unmodifiableMap(new LinkedHashMap<>(userLabels));
    volumes = List.copyOf(volumes);
    dependencies = List.copyOf(dependencies);
    registryMirrors = Collections.unmodifiableMap(new LinkedHashMap<>(registryMirrors));
  }
}
