package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.base.LocalBase;
import io.github.distrolessmaven.core.base.PreparedBase;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.ResolvedBaseTags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The base, settled before anything is built: a registry base resolved to its digest (or a
 * base file checked and prepared), what identifies its content for the up-to-date check, and
 * how to read its files and hand it to jib-core.
 */
final class BaseSelection {

  private final String name;
  private final String reference;
  private final String digest;
  private final String identity;
  private final Inspection inspection;
  private final JibBase jibBase;

  @FunctionalInterface
  private interface Inspection {
    BaseContents run(BaseInspector inspector) throws ImageBuildException;
  }

  @FunctionalInterface
  private interface JibBase {
    JibContainerBuilder create();
  }

  private BaseSelection(String name, String reference, String digest, String identity,
      Inspection inspection, JibBase jibBase) {
    this.name = name;
    this.reference = reference;
    this.digest = digest;
    this.identity = identity;
    this.inspection = inspection;
    this.jibBase = jibBase;
  }

  /** Resolves or prepares the spec's base, logging which it is. */
  static BaseSelection of(ImageSpec spec, BuildLog log, Consumer<LogEvent> jibLog)
      throws InvalidConfigurationException, ImageBuildException {
    if (LocalBase.isLocal(spec.baseImage())) {
      PreparedBase prepared = LocalBase.prepare(
          spec.baseImage(), spec.localBasesDirectory(), Platform.LINUX_AMD64);
      log.info("Base image " + prepared.description());
      String digest = prepared.manifestDigest().orElse(null);
      return new BaseSelection(
          prepared.description(),
          spec.baseImage() + (digest == null ? "" : "@" + digest),
          digest,
          prepared.configDigest(),
          inspector -> inspector.inspect(prepared),
          () -> Jib.from(TarImage.at(prepared.dockerArchive())));
    }
    ImageReference name = ImageReferences.parse(spec.baseImage(), Setting.FROM_IMAGE);
    RegistryAccess access =
        new RegistryAccess(spec.baseCredentials(), spec.allowInsecureRegistries(), jibLog);
    String digest = resolve(spec, name, access, log);
    log.info("Base image " + name + " at " + digest);
    if (name.getDigest().isEmpty()) {
      log.warn("The base is referenced by tag, which can move to another image. Pin it:"
          + " " + Setting.FROM_IMAGE.element(name.withQualifier(digest).toString()));
    }
    ImageReference pinned = name.withQualifier(digest);
    return new BaseSelection(
        name.toString(),
        pinned.toString(),
        digest,
        digest,
        inspector -> inspector.inspect(
            name, digest, registriesFor(spec, name), access, spec.offline()),
        () -> Jib.from(access.image(pinned)));
  }

  /** The base as messages name it. */
  String name() {
    return name;
  }

  /** The base pinned by digest where known, for the build's summary. */
  String reference() {
    return reference;
  }

  /** The base's manifest digest; null for a docker-archive, which records none. */
  String digest() {
    return digest;
  }

  /** What identifies the base's content: its manifest digest, or its config's. */
  String identity() {
    return identity;
  }

  /** Reads what the base holds (remembered per base after the first time). */
  BaseContents contents(BaseInspector inspector) throws ImageBuildException {
    return inspection.run(inspector);
  }

  /** A jib-core container on this base. */
  JibContainerBuilder jibContainer() {
    return jibBase.create();
  }

  /** Where the base may be pulled from: its mirrors first, then its own registry. */
  private static List<String> registriesFor(ImageSpec spec, ImageReference base) {
    List<String> registries =
        new ArrayList<>(spec.registryMirrors().getOrDefault(base.getRegistry(), List.of()));
    registries.add(base.getRegistry());
    return registries;
  }

  /**
   * The base's digest: from the reference itself, from the registry (remembered for offline
   * builds), or offline from what an earlier build remembered.
   */
  private static String resolve(
      ImageSpec spec, ImageReference name, RegistryAccess access, BuildLog log)
      throws ImageBuildException {
    if (name.getDigest().isPresent()) {
      return name.getDigest().get();
    }
    ResolvedBaseTags memory = new ResolvedBaseTags(spec.baseLayersCache());
    try {
      if (spec.offline()) {
        return memory.recall(name.toString()).orElseThrow(() -> new ImageBuildException(
            "The base image " + name + " has not been pulled before, and the build is offline."
                + " Build once online to cache it, or pin " + Setting.FROM_IMAGE.element()
                + " by digest."));
      }
      String digest = new BaseImageResolver(access, spec.registryMirrors(), log, spec.baseLayersCache())
          .digestOf(name);
      memory.remember(name.toString(), digest);
      return digest;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read or write the base cache "
          + spec.baseLayersCache() + ": " + e.getMessage(), e);
    }
  }
}
