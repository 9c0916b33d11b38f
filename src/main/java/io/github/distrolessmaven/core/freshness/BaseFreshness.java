package io.github.distrolessmaven.core.freshness;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.base.EngineBase;
import io.github.distrolessmaven.core.base.LocalBase;
import io.github.distrolessmaven.core.base.RegistryBase;
import io.github.distrolessmaven.core.freshness.BaseReport.ImageDate;
import io.github.distrolessmaven.core.freshness.BaseReport.PlatformImages;
import io.github.distrolessmaven.core.freshness.BaseReport.Status;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.RegistryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a base is pinned to what its tag points to now: the practice is a pinned base AND an
 * up-to-date one, and a pin keeps a build on the image it names after the tag moved on to one
 * with security fixes. The tag is read where a build reads it (mirrors first); nothing is
 * pulled but manifests and configs.
 */
public final class BaseFreshness {

  private final RegistryOptions options;
  private final Registries registries;

  /**
   * @param plainHttpMemory where the registries that answered over plain HTTP are remembered
   */
  public BaseFreshness(RegistryOptions options, Path plainHttpMemory, BuildLog log) {
    this.options = options;
    this.registries = new Registries(options.allowInsecureRegistries(),
        new JibCredentials(options.baseCredentials(), log), plainHttpMemory, log);
  }

  /**
   * Checks {@code base} for each of {@code platforms}.
   *
   * @param base the base as the build reads it: a registry reference, or a file or engine image
   * @throws InvalidConfigurationException when the base lacks one of the platforms
   * @throws ImageBuildException when no registry answers for the tag or the pinned digest
   */
  public BaseReport check(String base, List<Platform> platforms)
      throws ImageBuildException, InvalidConfigurationException {
    if (LocalBase.isLocal(base) || EngineBase.isEngine(base)) {
      return BaseReport.cannotCheck(base, Optional.empty(), "a base "
          + (EngineBase.isEngine(base) ? "from the local engine" : "from a file")
          + " has no registry tag to compare it with. Check the image it was made from.");
    }
    ImageReference reference = ImageReferences.parse(base, Setting.FROM_IMAGE);
    Optional<String> pinned = reference.digest();
    if (reference.tag().isEmpty()) {
      return BaseReport.cannotCheck(base, pinned, "it is pinned by digest alone, with no tag"
          + " to compare. Write the tag it came from before the digest, e.g. "
          + Setting.FROM_IMAGE.element(reference.registry() + "/" + reference.repository()
              + ":nonroot@" + pinned.orElseThrow()) + ".");
    }
    if (options.offline()) {
      return BaseReport.cannotCheck(base, pinned, "the build is offline (-o).");
    }
    return RegistryBase.fromFirst(options.registriesFor(reference.registry()),
        "it has no " + reference.repository() + ":" + reference.tag().get(),
        "Cannot check the base " + base + " in any registry", registry -> {
          RegistryClient client = registries.pull(registry, reference.repository());
          Optional<String> current = client.manifestDigest(reference.tag().get());
          if (current.isEmpty()) {
            return Optional.empty();
          }
          List<PlatformImages> images = new ArrayList<>();
          for (Platform platform : platforms) {
            images.add(new PlatformImages(platform,
                pinned.isPresent() ? Optional.of(image(client, pinned.get(), platform, base))
                    : Optional.empty(),
                image(client, current.get(), platform, base)));
          }
          Status status = pinned.isEmpty() ? Status.UNPINNED
              : pinned.get().equals(current.get()) ? Status.CURRENT : Status.STALE;
          return Optional.of(new BaseReport(base, status, pinned, current, images,
              "read from " + registry));
        });
  }

  private static ImageDate image(RegistryClient client, String digest, Platform platform,
      String base) throws RegistryFailure, FormatException, InvalidConfigurationException {
    RegistryBase.Image image = RegistryBase.image(client, digest, platform, base);
    return new ImageDate(image.digest(), RegistryBase.config(client, image).created());
  }
}
