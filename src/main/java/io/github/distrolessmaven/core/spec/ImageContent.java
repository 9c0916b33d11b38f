package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that decides the image and its SBOM, validated: two builds with equal contents (and
 * the same files in the layers) build the same image. The up-to-date check fingerprints every
 * field; {@code InputFingerprintTest} fails for a field it does not cover. How registries are
 * reached and where files go are not content: see {@link ImageSpec}.
 *
 * @param baseImage the base as named (a registry reference or a file)
 * @param platforms the platforms to build for, each once, in the order given
 * @param targetImage the image to write, with its tag
 * @param additionalTags more tags for the same image
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
 * @param layers the application layers and classpath; a runtime the build linked is the first
 *     platform's
 * @param platformRuntimes the Java runtime linked for each platform, when the build linked one
 *     per platform (jlink for several platforms): each platform's image has its own in place of
 *     the one in {@code layers}; else empty, and every platform's image has {@code layers}
 * @param application the project's own coordinates, for the SBOM
 * @param dependencies the runtime dependencies in the layers, for the SBOM
 * @param allowShell whether a base with a shell is accepted: whether this image may be built
 */
public record ImageContent(
    String baseImage,
    List<Platform> platforms,
    String targetImage,
    List<String> additionalTags,
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
    Map<Platform, PlannedLayer> platformRuntimes,
    MavenCoordinates application,
    List<Dependency> dependencies,
    boolean allowShell) {

  /**
   * Copies every collection, so that the content cannot change once built. Maps and sets keep
   * their order: the image config must not depend on hash order, or digests would differ.
   */
  public ImageContent {
    platforms = List.copyOf(platforms);
    additionalTags = List.copyOf(additionalTags);
    entrypoint = List.copyOf(entrypoint);
    args = List.copyOf(args);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    ports = Collections.unmodifiableSet(new LinkedHashSet<>(ports));
    userLabels = Collections.unmodifiableMap(new LinkedHashMap<>(userLabels));
    volumes = List.copyOf(volumes);
    dependencies = List.copyOf(dependencies);
    platformRuntimes = Collections.unmodifiableMap(new LinkedHashMap<>(platformRuntimes));
    if (!platforms.containsAll(platformRuntimes.keySet())) {
      throw new IllegalArgumentException("a runtime for a platform not built: "
          + platformRuntimes.keySet() + " of " + platforms);
    }
  }

  /** Whether the platforms' images differ in more than their bases: each has its own runtime. */
  public boolean runtimePerPlatform() {
    return !platformRuntimes.isEmpty();
  }

  /**
   * The content of {@code platform}'s image: its own runtime in the layers, if the build linked
   * one per platform; this content else.
   */
  public ImageContent forPlatform(Platform platform) {
    PlannedLayer runtime = platformRuntimes.get(platform);
    if (runtime == null) {
      return this;
    }
    return new ImageContent(baseImage, platforms, targetImage, additionalTags, user, entrypoint,
        args, environment, ports, userLabels, volumes, workingDirectory, format, timestamps,
        project, layers.withRuntime(runtime), Map.of(), application, dependencies, allowShell);
  }
}
