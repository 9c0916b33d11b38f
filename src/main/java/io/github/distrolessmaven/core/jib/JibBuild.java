package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.archive.JibArchive;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RetryPolicy;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The one place that drives jib-core's build: an image of the spec's content on a base, written
 * as an archive, which the plugin pushes with its own registry client ({@code FullPush}) or
 * rewrites for the {@code tar} goal. Every application layer is in jib-core's cache before
 * (built by {@link JibLayers}), and a registry base's layers too, so jib-core only reads the
 * base's manifest and config from a registry, with the same settings as the plugin's own
 * client: the same credentials, mirrors, insecure-registry policy and offline mode.
 */
public final class JibBuild {

  static final String TOOL_NAME = "distroless-maven-plugin";

  /**
   * The base as jib-core reads it: from a registry, by its pinned reference, or from a
   * docker-archive.
   *
   * @param reference the pinned registry reference, or the docker-archive's path
   * @param fromFile whether {@code reference} is a docker-archive's path
   * @param name the base as the user named it, for the base.name label
   * @param digest its manifest digest, for the base.digest label; null when unknown
   * @param platform the platform to build for: jib-core takes that image from an index
   */
  public record Base(String reference, boolean fromFile, String name, String digest,
      Platform platform) {}

  /**
   * What jib-core wrote.
   *
   * @param archive where
   * @param digest the manifest's digest, as jib-core reported it
   * @param variant the platform's CPU variant, which jib-core does not write into the config
   */
  public record Written(Path archive, String digest, Optional<String> variant) {

    /** The image, read in place, its config naming the variant; the caller closes it. */
    public JibArchive open() throws IOException {
      return JibArchive.open(archive, digest, variant);
    }
  }

  private final Consumer<LogEvent> jibLog;
  private final BuildLog log;
  private final RetryPolicy retryPolicy;

  /** @param log receives progress per layer and jib-core's warnings */
  public JibBuild(BuildLog log) {
    this(log, RetryPolicy.DEFAULT);
  }

  /**
   * @param retryPolicy when a build that a busy registry failed (reading the base) is run
   *     again: jib-core's own client does not retry
   */
  public JibBuild(BuildLog log, RetryPolicy retryPolicy) {
    this.jibLog = new JibLogBridge(log);
    this.log = log;
    this.retryPolicy = retryPolicy;
  }

  /**
   * Builds the image into a docker-archive (or, for the OCI format, an OCI layout archive) of
   * the target's name at {@code archive}.
   */
  public Written tar(ImageSpec spec, Base base, JibCredentials baseCredentials, Path archive,
      Path appLayersCache) throws ImageBuildException {
    ImageReference target = reference(spec.content().targetImage());
    JibContainer result = containerize(container(spec, base, baseCredentials),
        Containerizer.to(TarImage.at(archive).named(target)), spec,
        registriesAsked(spec, base, Optional.empty()), appLayersCache,
        "assembling the image in " + archive.getParent());
    return new Written(archive, result.getDigest().toString(), base.platform().variant());
  }

  private static JibContainerBuilder container(
      ImageSpec spec, Base base, JibCredentials baseCredentials) {
    JibContainerBuilder container = base.fromFile()
        ? Jib.from(TarImage.at(Path.of(base.reference())))
        : Jib.from(baseCredentials.image(reference(base.reference())));
    JibContainerConfig.apply(container, spec.content(), base.name(), base.digest());
    container.setPlatforms(Set.of(new com.google.cloud.tools.jib.api.buildplan.Platform(
        base.platform().architecture(), base.platform().os())));
    return container;
  }

  /** The registries jib-core may ask: the base's and its mirrors, and the target's. */
  private static List<String> registriesAsked(ImageSpec spec, Base base,
      Optional<String> target) {
    List<String> asked = new ArrayList<>();
    if (!base.fromFile()) {
      asked.addAll(spec.registries().registriesFor(reference(base.reference()).getRegistry()));
    }
    target.ifPresent(asked::add);
    return asked;
  }

  /**
   * Whether jib-core may ask over plain HTTP and unverified TLS: where allowed, or where every
   * registry it asks is on this machine, which the plugin's own client treats so ({@link
   * Registries#isLoopback}). jib-core's switch is for all registries at once.
   */
  static boolean insecureAllowed(boolean allowed, List<String> registries) {
    return allowed || !registries.isEmpty()
        && registries.stream().allMatch(Registries::isLoopback);
  }

  private JibContainer containerize(JibContainerBuilder container, Containerizer containerizer,
      ImageSpec spec, List<String> registries, Path appLayersCache, String subject)
      throws ImageBuildException {
    containerizer
        .setToolName(TOOL_NAME)
        .setAllowInsecureRegistries(
            insecureAllowed(spec.registries().allowInsecureRegistries(), registries))
        .setOfflineMode(spec.registries().offline())
        .setBaseImageLayersCache(spec.storage().sharedCache())
        .setApplicationLayersCache(appLayersCache)
        .addEventHandler(LogEvent.class, jibLog);
    for (Map.Entry<String, List<String>> mirror : spec.registries().registryMirrors().entrySet()) {
      containerizer.addRegistryMirrors(mirror.getKey(), mirror.getValue());
    }
    Instant start = Instant.now();
    for (int attempt = 1; ; attempt++) {
      try {
        return container.containerize(containerizer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageBuildException("Interrupted while " + subject, e);
      } catch (CacheDirectoryCreationException e) {
        throw new ImageBuildException("Cannot create the layer cache (" + e.getMessage()
            + "). Check that " + spec.storage().sharedCache() + " and " + appLayersCache
            + " are writable.", e);
      } catch (RegistryException | IOException | ExecutionException e) {
        // jib-core reads the base's manifest and config itself, with no retries: a busy
        // registry's answer there runs the build again, as the plugin's own client would ask
        // again. Every layer is in the caches by then, so a run costs little.
        Optional<String> busy = JibFailures.busyAnswer(e, retryPolicy);
        Duration wait = retryPolicy.backoff(attempt);
        Duration spent = Duration.between(start, Instant.now());
        if (busy.isEmpty() || spent.plus(wait).compareTo(retryPolicy.budget()) > 0) {
          throw JibFailures.describe(e,
              subject.substring(0, 1).toUpperCase() + subject.substring(1));
        }
        log.warn("jib-core's read of the base got " + busy.get() + " from its registry;"
            + " trying again in " + RetryPolicy.text(wait) + " (attempt " + (attempt + 1) + ")");
        try {
          retryPolicy.sleeper().sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ImageBuildException("Interrupted while " + subject, interrupted);
        }
      }
    }
  }

  /** A reference the spec holds, checked when it was made, in jib-core's type. */
  private static ImageReference reference(String reference) {
    try {
      return ImageReference.parse(reference);
    } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
      throw new IllegalArgumentException("the spec holds a checked reference: " + reference, e);
    }
  }
}
