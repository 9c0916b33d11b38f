package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.state.ResolvedDependencies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
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
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepositoryManager;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.version.VersionConstraint;

/**
 * The project's runtime dependencies (compile and runtime scope) in Maven's classpath order,
 * resolved by the goal itself rather than by Maven before it starts: when nothing they were
 * resolved from has changed since the last build, the last resolution serves (see {@link
 * ResolvedDependencies}), and a no-change build does not spend half a second collecting a
 * hundred POMs again.
 */
final class RuntimeDependencies implements ProjectInputs.DependencySource {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
  /** System properties that select profiles in dependencies' POMs. */
  private static final List<String> PROFILE_PROPERTIES =
      List.of("java.version", "os.name", "os.arch", "os.version");

  private final MavenProject project;
  private final MavenSession session;
  private final ProjectDependenciesResolver resolver;
  private final Path record;
  private final BuildLog log;

  /** @param record where the last resolution is remembered */
  RuntimeDependencies(MavenProject project, MavenSession session,
      ProjectDependenciesResolver resolver, Path record, BuildLog log) {
    this.project = project;
    this.record = record;
    this.session = session;
    this.resolver = resolver;
    this.log = log;
  }

  @Override
  public List<Dependency> get() throws InvalidConfigurationException {
    ResolvedDependencies remembered = new ResolvedDependencies(record);
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
    Date started = session.getRequest().getStartTime();
    try {
      if (key.isPresent() && resolution.rememberable() && started != null) {
        remembered.remember(
            key.get(), resolution.dependencies(), resolution.poms(), started.toInstant());
      } else {
        remembered.forget();
      }
    } catch (IOException e) {
      // Only the next build's shortcut is lost.
      log.debug("Could not remember the resolved dependencies: " + e.getMessage());
    }
    return resolution.dependencies();
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
      throw new InvalidConfigurationException(Setting.DEPENDENCIES,
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
    List<Dependency> resolved = new ArrayList<>();
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
      resolved.add(new Dependency(coordinates, artifact.getFile().toPath(), origin));
    }
    Set<Path> poms = new LinkedHashSet<>();
    boolean rememberable = root == null || walk(root, reactor, poms);
    return new Resolution(resolved, poms, rememberable);
  }

  /**
   * What a resolution found: the runtime dependencies, the POM of every artifact in the graph
   * (any scope or type: each may have shaped it), and whether it can be remembered.
   */
  private record Resolution(
      List<Dependency> dependencies, Set<Path> poms, boolean rememberable) {}

  /**
   * Adds the POMs of {@code node}'s graph to {@code poms}; false if the graph holds what may
   * change with no file here changing: a SNAPSHOT, a module of this build, a version range, or
   * a version chosen from repository metadata ({@code LATEST}, {@code RELEASE}).
   */
  private boolean walk(DependencyNode node, Set<String> reactor, Set<Path> poms) {
    boolean rememberable = true;
    org.eclipse.aether.artifact.Artifact artifact = node.getArtifact();
    if (node.getDependency() != null && artifact != null) {
      if (artifact.isSnapshot()
          || reactor.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
        return false;
      }
      VersionConstraint constraint = node.getVersionConstraint();
      if (constraint != null && (constraint.getRange() != null || (constraint.getVersion() != null
          && !constraint.getVersion().toString().equals(artifact.getVersion())))) {
        return false;
      }
      poms.add(pomOf(artifact));
      for (org.eclipse.aether.artifact.Artifact relocated : node.getRelocations()) {
        poms.add(pomOf(relocated));
      }
    }
    for (DependencyNode child : node.getChildren()) {
      rememberable &= walk(child, reactor, poms);
    }
    return rememberable;
  }

  /** Where the local repository keeps {@code artifact}'s POM. */
  private Path pomOf(org.eclipse.aether.artifact.Artifact artifact) {
    RepositorySystemSession repositories = session.getRepositorySession();
    LocalRepositoryManager local = repositories.getLocalRepositoryManager();
    String path = local.getPathForLocalArtifact(new DefaultArtifact(artifact.getGroupId(),
        artifact.getArtifactId(), "", "pom", artifact.getBaseVersion()));
    return local.getRepository().getBasedir().toPath().resolve(path);
  }

  /**
   * What the resolution is made from, as far as this project shows it; empty when the project
   * asks for a version range, whose answer can change with nothing here changing.
   */
  private Optional<String> key() {
    StringBuilder key = new StringBuilder("maven ")
        .append(session.getSystemProperties().getProperty("maven.version"))
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

  /** A version that repository metadata decides: a range, {@code LATEST}, {@code RELEASE}. */
  private static boolean isRange(String version) {
    return version != null && (version.startsWith("[") || version.startsWith("(")
        || version.equals("LATEST") || version.equals("RELEASE"));
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
