package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.uptodate.ResolvedDependencies;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Exclusion;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The project's runtime dependencies (compile and runtime scope) in Maven's classpath order,
 * resolved by the goal itself rather than by Maven before it starts: when nothing they were
 * resolved from has changed since the last build, the last resolution serves (see {@link
 * ResolvedDependencies}), and a no-change build does not spend half a second collecting a
 * hundred POMs again.
 */
final class RuntimeDependencies {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
  /** System properties that select profiles in dependencies' POMs. */
  private static final List<String> PROFILE_PROPERTIES =
      List.of("java.version", "os.name", "os.arch", "os.version");

  private final MavenProject project;
  private final MavenSession session;
  private final ProjectDependenciesResolver resolver;
  private final BuildLog log;

  RuntimeDependencies(MavenProject project, MavenSession session,
      ProjectDependenciesResolver resolver, BuildLog log) {
    this.project = project;
    this.session = session;
    this.resolver = resolver;
    this.log = log;
  }

  List<Dependency> get() throws InvalidConfigurationException {
    ResolvedDependencies remembered = new ResolvedDependencies(Path.of(
        project.getBuild().getDirectory(), "distroless", "runtime-dependencies.tsv"));
    Optional<String> key = key();
    if (key.isPresent()) {
      Optional<List<Dependency>> recalled = remembered.recall(key.get());
      if (recalled.isPresent()) {
        log.debug("Runtime dependencies as the last build resolved them: nothing they were"
            + " resolved from has changed.");
        return recalled.get();
      }
    }
    Resolution resolution = resolve();
    List<ResolvedDependencies.Resolved> resolved = resolution.dependencies();
    try {
      // A range in the graph may pick another version tomorrow, with nothing here changed.
      if (key.isPresent() && !resolution.hasRange()) {
        remembered.remember(key.get(), resolved, session.getRequest().getStartTime().toInstant());
      } else {
        remembered.forget();
      }
    } catch (IOException e) {
      // Only the next build's shortcut is lost.
      log.debug("Could not remember the resolved dependencies: " + e.getMessage());
    }
    return resolved.stream().map(ResolvedDependencies.Resolved::dependency).toList();
  }

  /** Resolves as Maven does before a goal that needs the runtime classpath. */
  private Resolution resolve() throws InvalidConfigurationException {
    DependencyFilter runtime = (node, parents) -> node.getDependency() == null
        || RUNTIME_SCOPES.contains(scope(node.getDependency().getScope()));
    DependencyResolutionResult result;
    try {
      result = resolver.resolve(new DefaultDependencyResolutionRequest(
          project, session.getRepositorySession()).setResolutionFilter(runtime));
    } catch (DependencyResolutionException e) {
      throw new InvalidConfigurationException("<dependencies>",
          "Maven cannot resolve the runtime dependencies of " + project.getId() + ": "
              + e.getMessage() + " Fix the dependency in pom.xml, or make its repository"
              + " reachable (built offline, it must be in the local repository already).");
    }
    Set<Artifact> artifacts = new LinkedHashSet<>();
    DependencyNode root = result.getDependencyGraph();
    if (root != null) {
      RepositoryUtils.toArtifacts(
          artifacts, root.getChildren(), List.of(project.getArtifact().getId()), runtime);
    }
    Set<String> reactor = new HashSet<>();
    for (MavenProject module : session.getProjects()) {
      reactor.add(module.getGroupId() + ":" + module.getArtifactId());
    }
    List<ResolvedDependencies.Resolved> resolved = new ArrayList<>();
    for (Artifact artifact : artifacts) {
      if (!RUNTIME_SCOPES.contains(scope(artifact.getScope())) || artifact.getFile() == null
          || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      Dependency.Origin origin =
          reactor.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())
              ? Dependency.Origin.REACTOR_MODULE
              : artifact.isSnapshot() ? Dependency.Origin.SNAPSHOT : Dependency.Origin.RELEASE;
      MavenCoordinates coordinates = new MavenCoordinates(artifact.getGroupId(),
          artifact.getArtifactId(), artifact.getVersion(), artifact.getClassifier(),
          artifact.getType());
      File pom = new File(artifact.getFile().getParentFile(),
          artifact.getArtifactId() + "-" + artifact.getBaseVersion() + ".pom");
      resolved.add(new ResolvedDependencies.Resolved(
          new Dependency(coordinates, artifact.getFile().toPath(), origin), pom.toPath()));
    }
    return new Resolution(resolved, hasVersionRange(root));
  }

  /** What a resolution found, and whether a version range took part in it. */
  private record Resolution(List<ResolvedDependencies.Resolved> dependencies, boolean hasRange) {}

  /**
   * What the resolution is made from, as far as this project shows it; empty when the project
   * asks for a version range, whose answer can change with nothing here changing.
   */
  private Optional<String> key() {
    StringBuilder key = new StringBuilder("maven ").append(System.getProperty("maven.version"))
        .append("\nproject ").append(project.getId())
        .append("\nlocal ").append(localRepository());
    for (org.apache.maven.model.Dependency dependency : project.getDependencies()) {
      if (isRange(dependency.getVersion())) {
        return Optional.empty();
      }
      key.append("\ndependency ").append(describe(dependency));
    }
    if (project.getDependencyManagement() != null) {
      for (org.apache.maven.model.Dependency managed
          : project.getDependencyManagement().getDependencies()) {
        if (isRange(managed.getVersion())) {
          return Optional.empty();
        }
        key.append("\nmanaged ").append(describe(managed));
      }
    }
    for (RemoteRepository repository : project.getRemoteProjectRepositories()) {
      key.append("\nrepository ").append(repository.getId()).append(' ')
          .append(repository.getUrl());
    }
    for (MavenProject module : session.getProjects()) {
      key.append("\nreactor ").append(module.getId());
    }
    // Dependencies' POMs are interpolated with the user's and the system's properties.
    for (Map.Entry<String, String> property : sorted(session.getUserProperties()).entrySet()) {
      key.append("\nuser ").append(property.getKey()).append('=').append(property.getValue());
    }
    for (String name : PROFILE_PROPERTIES) {
      key.append("\nsystem ").append(name).append('=')
          .append(session.getSystemProperties().getProperty(name));
    }
    return Optional.of(key.toString());
  }

  private String localRepository() {
    ArtifactRepository local = session.getLocalRepository();
    return local == null ? "" : local.getBasedir();
  }

  private static String describe(org.apache.maven.model.Dependency dependency) {
    List<String> exclusions = new ArrayList<>();
    for (Exclusion exclusion : dependency.getExclusions()) {
      exclusions.add(exclusion.getGroupId() + ":" + exclusion.getArtifactId());
    }
    exclusions.sort(null);
    return String.join(":", dependency.getGroupId(), dependency.getArtifactId(),
        String.valueOf(dependency.getVersion()), dependency.getType(),
        String.valueOf(dependency.getClassifier()), String.valueOf(dependency.getScope()),
        String.valueOf(dependency.isOptional()), String.valueOf(dependency.getSystemPath()))
        + " excluding " + exclusions;
  }

  private static boolean hasVersionRange(DependencyNode node) {
    if (node == null) {
      return false;
    }
    if (node.getVersionConstraint() != null && node.getVersionConstraint().getRange() != null) {
      return true;
    }
    for (DependencyNode child : node.getChildren()) {
      if (hasVersionRange(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRange(String version) {
    return version != null && (version.startsWith("[") || version.startsWith("("));
  }

  private static String scope(String scope) {
    return scope == null || scope.isEmpty() ? "compile" : scope;
  }

  private static Map<String, String> sorted(Properties properties) {
    Map<String, String> sorted = new TreeMap<>();
    properties.stringPropertyNames()
        .forEach(name -> sorted.put(name, properties.getProperty(name)));
    return sorted;
  }
}
