package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.oci.Platform;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one image build needs, validated: the Maven adapter builds it from the POM, the core
 * builds the image from it. Immutable.
 *
 * @param content what decides the image
 * @param registries how registries are reached
 * @param storage where things are kept between builds
 * @param outputs where results go
 * @param loadPlatform for an archive of several platforms, the one whose image its
 *     docker-archive part names (what {@code docker load} and {@code podman load} take); empty
 *     for the build machine's platform when it is one of them, else the first
 * @param warnUnpinnedBase whether a base referenced by tag is warned of (it is, unless the user
 *     chose to float on the tag, or an earlier module of the same build was warned of it)
 * @param baseDirectory the project's folder: a base file given by a relative path ({@code
 *     tar://base.tar}) is read from there
 */
public record ImageSpec(ImageContent content, RegistryOptions registries, Storage storage,
    OutputPaths outputs, Optional<Platform> loadPlatform, boolean warnUnpinnedBase,
    Path baseDirectory) {

  /** A spec that warns of a base referenced by tag, and reads base files from the current folder. */
  public ImageSpec(ImageContent content, RegistryOptions registries, Storage storage,
      OutputPaths outputs, Optional<Platform> loadPlatform) {
    this(content, registries, storage, outputs, loadPlatform, true, Path.of(""));
  }

  /** The spec of {@code platform}'s image: see {@link ImageContent#forPlatform}. */
  public ImageSpec forPlatform(Platform platform) {
    ImageContent own = content.forPlatform(platform);
    return own == content ? this : new ImageSpec(own, registries, storage, outputs,
        loadPlatform, warnUnpinnedBase, baseDirectory);
  }

  /** A spec whose archive, if of several platforms, loads as the build machine's. */
  public ImageSpec(ImageContent content, RegistryOptions registries, Storage storage,
      OutputPaths outputs) {
    this(content, registries, storage, outputs, Optional.empty());
  }
}
