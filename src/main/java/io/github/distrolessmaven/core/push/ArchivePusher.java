package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.OciArchive;
import io.github.distrolessmaven.core.jib.JibCredentials;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.registry.Referrers;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.spec.ImageReferences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes an image archive to a registry with its manifest digest unchanged: checks the whole
 * archive first, then puts the image ({@link ImageUpload}), mounting blobs from another
 * repository of the same registry where the archive names one, then its referrers.
 */
public final class ArchivePusher {

  private final BuildLog log;

  /** @param log receives one line per blob; the caller writes the summary */
  public ArchivePusher(BuildLog log) {
    this.log = log;
  }

  /**
   * @throws InvalidConfigurationException for a bad reference or tag, or an archive that is
   *     missing, corrupt or not an OCI image layout; all before any network call
   * @throws ImageBuildException when the registry refuses or cannot be reached, or the archive
   *     cannot be read
   */
  public PushedImage push(PushSpec spec) throws InvalidConfigurationException, ImageBuildException {
    ImageReference target = ImageReferences.parse(spec.targetImage(), Setting.TO_IMAGE);
    List<String> additionalTags = ImageReferences.tags(spec.additionalTags(), Setting.TO_TAGS);
    try (OciArchive image = open(spec.archive(), target.tag())) {
      if (target.digest().isPresent() && !target.digest().get().equals(image.manifestDigest())) {
        throw new InvalidConfigurationException(Setting.TO_IMAGE, "names the digest "
            + target.digest().get() + ", but " + spec.archive() + " holds "
            + image.manifestDigest() + ". Name a tag instead, or the archive's digest.");
      }
      List<String> tags = new ArrayList<>();
      tags.add(target.qualifier());
      additionalTags.stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);

      Optional<String> mountFrom = mountSource(image.imageNames(), target);
      Registries registries = new Registries(spec.allowInsecureRegistries(),
          new JibCredentials(spec.credentials(), log), null, log);
      RegistryClient repository =
          registries.push(target.registry(), target.repository(), mountFrom);
      new ImageUpload(repository, log).push(image, target, tags, mountFrom);
      for (OciArchive platform : image.platformImages()) {
        attachReferrers(repository, platform);
      }
      attachReferrers(repository, image);
      return new PushedImage(target.toString(), image.manifestDigest(), tags, image.size(),
          image.platformImages().stream().map(ArchivePusher::platformImage).toList());
    } catch (ArchiveException e) {
      // Closing the archive, which was read whole already.
      throw new ImageBuildException(e.getMessage(), e);
    }
  }

  /** One platform's image of the archive's index, for the summary. */
  private static BuiltImage.PlatformImage platformImage(OciArchive image) {
    return new BuiltImage.PlatformImage(
        image.platform().map(Platform::toString).orElse("(no platform named)"),
        image.manifestDigest(), image.blobs().get(0).digest(), image.size());
  }

  /** Attaches what the archive carries about the image (its SBOM) to it in the registry. */
  private void attachReferrers(RegistryClient repository, OciArchive image)
      throws ImageBuildException {
    Descriptor subject = Descriptor.of(
        image.manifestMediaType(), image.manifestDigest(), image.manifestBytes().length);
    for (ReferrerArtifact referrer : image.referrers()) {
      String how;
      try {
        how = Referrers.attach(repository, subject, referrer);
      } catch (RegistryFailure e) {
        throw new ImageBuildException("Attaching the " + referrer.artifactType() + " to "
            + repository.name() + "@" + subject.digest() + " failed: " + e.getMessage(), e);
      }
      log.info("Attached " + referrer.artifactType() + " "
          + LogText.shortDigest(referrer.descriptor().digest()) + " to "
          + LogText.shortDigest(subject.digest()) + " through " + how);
    }
  }

  /** The archive, read and checked whole before anything is sent. */
  static OciArchive open(Path tar, Optional<String> tag)
      throws InvalidConfigurationException, ImageBuildException {
    try {
      return OciArchive.open(tar, tag);
    } catch (ArchiveException e) {
      if (e.kind() == ArchiveException.Kind.UNREADABLE) {
        throw new ImageBuildException(e.getMessage(), e);
      }
      throw ArchiveProblems.invalid(e.getMessage());
    }
  }

  /**
   * A repository of the target's registry that the archive says holds this image already (by
   * its full names), to mount blobs from instead of uploading them. The registry answers a
   * mount of a blob it lacks with an ordinary upload session, so a wrong guess costs nothing.
   */
  static Optional<String> mountSource(List<String> imageNames, ImageReference target) {
    for (String name : imageNames) {
      try {
        ImageReference named = ImageReference.parse(name);
        if (named.registry().equals(target.registry())
            && !named.repository().equals(target.repository())) {
          return Optional.of(named.repository());
        }
      } catch (IllegalArgumentException e) {
        // A name we cannot read only loses the chance of a mount.
      }
    }
    return Optional.empty();
  }
}
