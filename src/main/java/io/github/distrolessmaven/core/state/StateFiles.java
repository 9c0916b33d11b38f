package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.spec.Storage;
import java.nio.file.Path;

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

  /** The last resolution of the runtime dependencies ({@link ResolvedDependencies}). */
  public Path runtimeDependencies() {
    return storage.projectDirectory().resolve("runtime-dependencies.tsv");
  }
}
