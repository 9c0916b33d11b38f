package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.base.EngineBase;
import io.github.distrolessmaven.core.base.LocalBase;
import io.github.distrolessmaven.core.base.PreparedBase;
import io.github.distrolessmaven.core.base.RegistryBase;
import io.github.distrolessmaven.core.jib.JibBuild;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.ResolvedBaseTags;
import io.github.distrolessmaven.core.state.StateFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first step of a build: the base, settled before anything is built. A registry base's tag
 * is resolved to its digest (mirrors first, as Jib does), so that the image is built on exactly
 * the base its {@code org.opencontainers.image.base.digest} label names, even if the tag moves
 * meanwhile; a base from a file is checked and prepared for jib-core.
 *
 * @param name the base as messages name it
 * @param reference the base pinned by digest where known, for the build's summary
 * @param digest the base's manifest digest; null for a docker-archive, which records none
 * @param identity what identifies the base's content: its manifest digest, or its config's
 * @param registryBase the registry reference, for a base from a registry
 * @param file the prepared docker-archive, for a base from a file
 * @param servedBy the registry (the origin or a mirror) that answered with the digest in this
 *     build, if one did
 */
record BaseResolution(String name, String reference, String digest, String identity,
    Optional<ImageReference> registryBase, Optional<PreparedBase> file,
    Optional<String> servedBy) {

  /**
   * Resolves or prepares the spec's base, logging which it is.
   *
   * @param platform the platform built for: a base from a file is prepared as its image for it
   */
  static BaseResolution resolve(
      ImageSpec spec, Platform platform, StateFiles state, Registries registries, BuildLog log)
      throws InvalidConfigurationException, ImageBuildException {
    String base = spec.content().baseImage();
    if (LocalBase.isLocal(base) || EngineBase.isEngine(base)) {
      String file = EngineBase.isEngine(base)
          ? EngineBase.save(base, state.localBases(), System.getenv(), log) : base;
      PreparedBase prepared = LocalBase.prepare(
          file, spec.baseDirectory(), state.localBases(), platform);
      log.info("Base image " + prepared.description());
      String digest = prepared.manifestDigest().orElse(null);
      return new BaseResolution(prepared.description(),
          base + (digest == null ? "" : "@" + digest), digest, prepared.configDigest(),
          Optional.empty(), Optional.of(prepared), Optional.empty());
    }
    ImageReference name = ImageReferences.parse(base, Setting.FROM_IMAGE);
    Resolved resolved = digestOf(spec, name, state, registries, log);
    String digest = resolved.digest();
    log.info("Base image " + name + " at " + digest);
    if (name.digest().isEmpty() && spec.warnUnpinnedBase()) {
      log.warn("The base is referenced by tag, which can move to another image. Pin it: "
          + Setting.FROM_IMAGE.element(name.withQualifier(digest).toString()) + " (or set "
          + Setting.ALLOW_UNPINNED_BASE.element("true") + " to take each new base the tag"
          + " points to).");
    }
    ImageReference pinned = name.withQualifier(digest);
    return new BaseResolution(name.toString(), pinned.toString(), digest, digest,
        Optional.of(name), Optional.empty(), resolved.servedBy());
  }

  /**
   * The base as jib-core takes it: from the registry that answered in this build, so that
   * jib-core asks that one (a mirror on this machine, say) and no other.
   */
  JibBuild.Base jibBase(String baseImage, Platform platform) {
    if (file.isPresent()) {
      return new JibBuild.Base(
          file.get().dockerArchive().toString(), true, baseImage, digest, platform);
    }
    String origin = registryBase.orElseThrow().registry() + "/";
    String pulled = servedBy.filter(registry -> reference.startsWith(origin))
        .map(registry -> registry + "/" + reference.substring(origin.length()))
        .orElse(reference);
    return new JibBuild.Base(pulled, false, baseImage, digest, platform);
  }

  /** A base's digest, and the registry that answered with it in this build, if one did. */
  private record Resolved(String digest, Optional<String> servedBy) {}

  /**
   * The base's digest: from the reference itself, from the registry (remembered for offline
   * builds), or offline from what an earlier build remembered.
   */
  private static Resolved digestOf(ImageSpec spec, ImageReference name, StateFiles state,
      Registries registries, BuildLog log)
      throws ImageBuildException, InvalidConfigurationException {
    if (name.digest().isPresent()) {
      return new Resolved(name.digest().get(), Optional.empty());
    }
    ResolvedBaseTags memory = new ResolvedBaseTags(state.resolvedBaseTags());
    try {
      if (spec.registries().offline()) {
        return new Resolved(memory.recall(name.toString()).orElseThrow(() -> new ImageBuildException(
            "The base image " + name + " has not been pulled before, and the build is offline."
                + " Build once online to cache it, or pin " + Setting.FROM_IMAGE.element()
                + " by digest.")), Optional.empty());
      }
      Resolved resolved = fromRegistries(spec, name, registries, log);
      memory.remember(name.toString(), resolved.digest());
      return resolved;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read or write the base cache "
          + state.resolvedBaseTags() + ": " + e.getMessage(), e);
    }
  }

  /** The tag's digest from the first registry that has it, mirrors first. */
  private static Resolved fromRegistries(ImageSpec spec, ImageReference base,
      Registries registries, BuildLog log)
      throws ImageBuildException, InvalidConfigurationException {
    return RegistryBase.fromFirst(spec.registries().registriesFor(base.registry()),
        "it has no " + base.repository() + ":" + base.qualifier(),
        "Cannot read the base image " + base + " from any registry", registry -> {
          Optional<String> digest = registries.pull(registry, base.repository())
              .manifestDigest(base.qualifier());
          digest.ifPresent(found -> log.debug("Base " + base + " is " + found + " (from "
              + registry + ")"));
          return digest.map(found -> new Resolved(found, Optional.of(registry)));
        });
  }
}
