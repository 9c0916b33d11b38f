package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.spec.Storage;
import io.github.distrolessmaven.core.files.Leftovers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every file and folder the plugin keeps between builds, named in this one place. The shared
 * cache is shared by every project of the user (and by concurrent builds: everything in it is
 * written whole or not at all); the project's folder is forgotten by {@code mvn clean}.
 *
 * @param storage the two folders
 */
public record StateFiles(Storage storage) {

  /** jib-core's cache of base layers, laid out as jib-core lays it out: the shared cache. */
  public Path baseLayers() {
    return storage.sharedCache();
  }

  /** Digests of dependency jars, for the SBOM ({@link JarHashes}). */
  public Path jarHashes() {
    return storage.sharedCache().resolve("jar-hashes.properties");
  }

  /** Registries that answered over plain HTTP, asked that way first next time. */
  public Path plainHttpRegistries() {
    return storage.sharedCache().resolve("plain-http-registries.properties");
  }

  /** The digest each base tag last resolved to, for offline builds ({@link ResolvedBaseTags}). */
  public Path resolvedBaseTags() {
    return storage.sharedCache().resolve("tags");
  }

  /** What each base holds, by digest ({@link BaseContentsMemory}). */
  public Path baseContents() {
    return storage.sharedCache().resolve("distroless-contents");
  }

  /** The project's cache folder. */
  public Path projectCache() {
    return storage.projectDirectory().resolve("cache");
  }

  /** The last push of the project ({@link LastBuild}). */
  public Path lastBuild() {
    return projectCache().resolve("last-build.properties");
  }

  /** The SBOM of the last push, beside its record. */
  public Path lastBuildSbom() {
    return projectCache().resolve("last-build.sbom.cdx.json");
  }

  /** Digests of the project's classes and resources ({@link FileHashes}). */
  public Path fileHashes() {
    return projectCache().resolve("file-hashes.properties");
  }

  /** jib-core's cache of the application's layers, all built by the plugin. */
  public Path applicationLayers() {
    return projectCache().resolve("app-layers");
  }

  /** Bases given as OCI archives or layouts, rewritten as docker-archives for jib-core. */
  public Path localBases() {
    return storage.projectDirectory().resolve("bases");
  }

  /** Reactor modules' and SNAPSHOTs' jars, rewritten reproducibly (ReproducibleJars). */
  public Path reproducibleJars() {
    return storage.projectDirectory().resolve("jars");
  }

  /** The last resolution of the runtime dependencies ({@link ResolvedDependencies}). */
  public Path runtimeDependencies() {
    return storage.projectDirectory().resolve("runtime-dependencies.tsv");
  }

  /** The Java runtimes linked with jlink, one folder each, shared by every project. */
  public Path runtimes() {
    return storage.sharedCache().resolve("runtimes");
  }

  /** How old a leftover in the shared cache must be before a build takes it for one. */
  static final Duration SHARED_LEFTOVER_AGE = Duration.ofHours(1);

  /**
   * Removes what killed builds left: in the project's folders everything of the kind (a build of
   * this project starting now is the only one), in the shared cache only what is older than an
   * hour (another project's build may be writing it now).
   *
   * @return how many leftovers were removed
   */
  public int removeLeftovers(Instant now) {
    int removed = 0;
    for (Path project : List.of(storage.projectDirectory(), projectCache(), localBases())) {
      removed += Leftovers.removePartials(project, Duration.ZERO, now);
    }
    removed += Leftovers.removeTemporaries(applicationLayers().resolve("tmp"), Duration.ZERO, now);
    for (Path shared : List.of(storage.sharedCache(), resolvedBaseTags(), baseContents(),
        runtimes())) {
      removed += Leftovers.removePartials(shared, SHARED_LEFTOVER_AGE, now);
    }
    removed += Leftovers.removeTemporaries(baseLayers().resolve("tmp"), SHARED_LEFTOVER_AGE, now);
    return removed;
  }
}
