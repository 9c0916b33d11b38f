package io.github.distrolessmaven.core.push;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.ArchiveException;
import io.github.distrolessmaven.core.archive.OciArchive;
import io.github.distrolessmaven.core.jib.JibFailures;
import io.github.distrolessmaven.core.jib.ReferrerPush;
import io.github.distrolessmaven.core.jib.RegistryAccess;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import io.github.distrolessmaven.core.spec.ImageReferences;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pushes an image archive to a registry with its manifest digest unchanged: checks the whole
 * archive first, then sends only the blobs the registry lacks (mounting them from another
 * repository of the same registry where the archive names one), then the manifest's own bytes
 * under every tag.
 */
public final class ArchivePusher {

  private final BuildLog log;
  private final Consumer<LogEvent> jibLog;

  /** @param log receives one line per blob; the caller writes the summary */
  public ArchivePusher(BuildLog log) {
    this.log = log;
    // Only the HTTP client's own notes (e.g. falling back to HTTP) arrive here: details.
    this.jibLog = event -> {
      if (event.getLevel() == LogEvent.Level.ERROR) {
        log.warn(event.getMessage());
      } else {
        log.debug(event.getMessage());
      }
    };
  }

  /**
   * @throws InvalidConfigurationException for a bad reference or tag, or an archive
   *     that is missing, corrupt or not an OCI image layout; all before any network call
   * @throws ImageBuildException when the registry refuses or cannot be reached, or the archive
   *     cannot be unpacked
   */
  public PushedImage push(PushSpec spec) throws InvalidConfigurationException, ImageBuildException {
    ImageReference target = ImageReferences.parse(spec.targetImage(), Setting.TO_IMAGE);
    List<String> additionalTags = ImageReferences.tags(spec.additionalTags(), Setting.TO_TAGS);
    try (OciArchive image = open(spec.archive(), target.getTag())) {
      if (target.getDigest().isPresent() && !target.getDigest().get().equals(image.manifestDigest())) {
        throw new InvalidConfigurationException(Setting.TO_IMAGE, "names the digest "
            + target.getDigest().get() + ", but " + spec.archive() + " holds "
            + image.manifestDigest() + ". Name a tag instead, or the archive's digest.");
      }
      RawManifest manifest = rawManifest(image, spec.archive());
      List<String> tags = new ArrayList<>();
      tags.add(target.getQualifier());
      additionalTags.stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);

      Optional<String> mountFrom = mountSource(image.imageNames(), target);
      RegistryClient client = client(spec, target, mountFrom);
      pushBlobs(client, image, target, mountFrom);
      for (String tag : tags) {
        pushManifest(client, manifest, image, target.withQualifier(tag));
      }
      ReferrerPush referrers = new ReferrerPush(
          new RegistryAccess(spec.credentials(), spec.allowInsecureRegistries(), jibLog), null);
      Descriptor subject = Descriptor.of(
          image.manifestMediaType(), image.manifestDigest(), image.manifestBytes().length);
      for (ReferrerArtifact referrer : image.referrers()) {
        String how = referrers.attach(target, subject, referrer);
        log.info("Attached " + referrer.artifactType() + " " + shortDigest(referrer.descriptor().digest())
            + " to the image through " + how);
      }
      return new PushedImage(target.toString(), image.manifestDigest(), tags, image.size());
    } catch (ArchiveException e) {
      // Closing the archive, which was read whole already.
      throw new ImageBuildException(e.getMessage(), e);
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

  private static RawManifest rawManifest(OciArchive image, Path tar)
      throws InvalidConfigurationException {
    try {
      return RawManifest.of(image.manifestBytes(), image.manifestMediaType(), image.manifestDigest());
    } catch (IllegalArgumentException e) {
      throw ArchiveProblems.invalid(tar + " cannot be pushed unchanged: " + e.getMessage());
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
        if (named.getRegistry().equals(target.getRegistry())
            && !named.getRepository().equals(target.getRepository())) {
          return Optional.of(named.getRepository());
        }
      } catch (InvalidImageReferenceException e) {
        // A name we cannot read only loses the chance of a mount.
      }
    }
    return Optional.empty();
  }

  private RegistryClient client(PushSpec spec, ImageReference target, Optional<String> mountFrom)
      throws ImageBuildException {
    RegistryAccess access =
        new RegistryAccess(spec.credentials(), spec.allowInsecureRegistries(), jibLog);
    try {
      return access.pushClient(target.getRegistry(), target.getRepository(), mountFrom);
    } catch (IOException | RegistryException | CredentialRetrievalException e) {
      throw JibFailures.describe(e, "Authenticating with " + target.getRegistry() + " to push "
          + target.getRepository());
    }
  }

  private void pushBlobs(
      RegistryClient client, OciArchive image, ImageReference target, Optional<String> mountFrom)
      throws ImageBuildException {
    Set<String> done = new HashSet<>();
    for (OciArchive.Blob blob : image.blobs()) {
      if (!done.add(blob.digest())) {
        continue;
      }
      String subject = "Pushing " + blob.role() + " " + blob.digest() + " to "
          + target.getRegistry() + "/" + target.getRepository();
      String outcome;
      try {
        DescriptorDigest digest = DescriptorDigest.fromDigest(blob.digest());
        if (client.checkBlob(digest).isPresent()) {
          outcome = "already present";
        } else if (client.pushBlob(digest, Blobs.from(out -> {
          try (InputStream in = image.open(blob)) {
            in.transferTo(out);
          }
        }, true), mountFrom.orElse(null), n -> {})) {
          outcome = "mounted from " + mountFrom.orElse("another repository");
        } else {
          outcome = "pushed";
        }
      } catch (IOException | RegistryException e) {
        throw JibFailures.describe(e, subject);
      } catch (DigestException e) {
        throw new IllegalStateException("the archive reader checked " + blob.digest(), e);
      }
      log.info(String.format(Locale.ROOT, "%s %s (%s): %s",
          capitalized(blob.role()), shortDigest(blob.digest()), humanSize(blob.size()), outcome));
    }
  }

  private void pushManifest(
      RegistryClient client, RawManifest manifest, OciArchive image, ImageReference reference)
      throws ImageBuildException {
    DescriptorDigest stored;
    try {
      stored = client.pushManifest(manifest, reference.getQualifier());
    } catch (IOException | RegistryException e) {
      throw JibFailures.describe(e, "Pushing the manifest of " + reference);
    }
    if (!stored.toString().equals(image.manifestDigest())) {
      throw new ImageBuildException("The registry stored " + reference + " as " + stored
          + ", not as the archive's " + image.manifestDigest());
    }
    log.debug("Manifest " + image.manifestDigest() + " tagged " + reference);
  }

  private static String capitalized(String role) {
    return Character.toUpperCase(role.charAt(0)) + role.substring(1);
  }

  static String shortDigest(String digest) {
    return digest.substring(0, "sha256:".length() + 12);
  }

  static String humanSize(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
