package io.github.distrolessmaven.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.jib.JibLayers;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.registry.Registries;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.state.InputFingerprint;
import io.github.distrolessmaven.core.state.LastBuild;
import io.github.distrolessmaven.core.state.StateFiles;
import io.github.distrolessmaven.core.state.ToolIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The up-to-date step of a rebuild: when every input has the fingerprint of the last push, and
 * the registry still serves that push's digest under every tag and holds every blob it names
 * (asked side by side, with HEAD requests), the image is up to date and nothing is built. Any doubt (a changed input, a tag deleted or moved, an unreadable record, a
 * registry that does not answer) means a build. When only what the layers hold changed, the
 * last push is the one the incremental push starts from.
 */
final class UpToDateCheck {

  private final InputFingerprint fingerprint;
  private final LastBuild lastBuild;
  private final BuildLog log;

  UpToDateCheck(ImageContent content, String baseIdentity, Destination destination,
      StateFiles state, BuildLog log) throws ImageBuildException {
    this.log = log;
    this.lastBuild = new LastBuild(state.lastBuild(), state.lastBuildSbom());
    try {
      this.fingerprint = InputFingerprint.of(content, baseIdentity, destination.name(),
          ToolIdentity.current(), state.fileHashes());
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the application's files: " + e.getMessage(), e);
    }
  }

  /**
   * The last push, when nothing changed and the registry still holds it under every tag.
   *
   * @param target a client of the target's repository
   */
  Optional<BuiltImage> confirmedIn(RegistryClient target, ImageReference reference) {
    Optional<BuiltImage> last = lastBuild.recall(fingerprint.whole());
    if (last.isEmpty()) {
      return Optional.empty();
    }
    BuiltImage image = last.get();
    for (String tag : image.tags()) {
      String why;
      try {
        Optional<String> served = target.manifestDigest(tag);
        why = served.isEmpty() ? " is gone from the registry"
            : served.get().equals(image.digest()) ? null : " now points to another image";
      } catch (RegistryFailure e) {
        log.debug("Cannot ask the registry about " + reference + " (" + e.getMessage() + ")");
        why = " cannot be confirmed in the registry";
      }
      if (why != null) {
        log.info("Rebuilding: " + reference.withQualifier(tag).toStringWithQualifier() + why);
        return Optional.empty();
      }
    }
    Optional<String> broken = lacking(target, image.digest(),
        image.platforms().stream().map(BuiltImage.PlatformImage::digest).toList());
    if (broken.isPresent()) {
      log.info("Rebuilding: " + target.name() + "@" + image.digest() + broken.get());
      return Optional.empty();
    }
    log.info("Up to date: nothing changed since the last push, and the registry still serves "
        + image.digest() + " under " + String.join(", ", image.tags()));
    return Optional.of(image.asUpToDate());
  }

  /**
   * Why the image {@code digest} cannot be pulled whole from the repository (its manifest or a
   * blob it names is gone: garbage-collected, deleted by a retention policy, the repository
   * made anew), if it cannot: a tag that names it proves nothing of its blobs.
   *
   * @param images for an index, the images the last push put in it: read along with it, side by
   *     side, and compared with what it lists
   */
  private Optional<String> lacking(RegistryClient target, String digest, List<String> images) {
    try {
      List<String> asked = new ArrayList<>();
      asked.add(digest);
      asked.addAll(images);
      List<Optional<RegistryClient.Manifest>> read =
          target.manifests(asked, MediaTypes.ACCEPT_ANY_MANIFEST);
      if (read.get(0).isEmpty()) {
        return Optional.of(" is gone from the registry");
      }
      RegistryClient.Manifest manifest = read.get(0).get();
      JsonNode tree = Json.read(manifest.bytes(), "the manifest " + digest);
      if (!ImageIndex.isIndex(tree, Optional.ofNullable(manifest.mediaType()))) {
        return lackingBlobs(target, List.of(ImageManifest.of(tree, "the manifest " + digest)));
      }
      // An image index: whole when every image it lists is.
      List<String> listed = ImageIndex.of(tree, "the index " + digest).images().stream()
          .map(Descriptor::digest).toList();
      if (!listed.equals(images)) {
        read = target.manifests(listed, MediaTypes.ACCEPT_ANY_MANIFEST);
      } else {
        read = read.subList(1, read.size());
      }
      List<ImageManifest> parsed = new ArrayList<>();
      for (int i = 0; i < listed.size(); i++) {
        if (read.get(i).isEmpty()) {
          return Optional.of("'s image " + listed.get(i) + " is gone from the registry");
        }
        parsed.add(ImageManifest.parse(read.get(i).get().bytes(), "the manifest "
            + listed.get(i)));
      }
      return lackingBlobs(target, parsed);
    } catch (RegistryFailure | FormatException e) {
      log.debug("Cannot prove " + digest + " whole in the registry (" + e.getMessage() + ")");
      return Optional.of(" cannot be proved whole in the registry");
    }
  }

  /** Why the blobs of {@code manifests} are not all in the repository, if they are not. */
  private static Optional<String> lackingBlobs(RegistryClient target,
      List<ImageManifest> manifests) throws RegistryFailure {
    List<String> blobs = new ArrayList<>();
    for (ImageManifest manifest : manifests) {
      blobs.add(manifest.config().digest());
      manifest.layers().forEach(layer -> blobs.add(layer.digest()));
    }
    List<String> missing = target.missingBlobs(blobs);
    return missing.isEmpty() ? Optional.empty() : Optional.of(" lacks "
        + (missing.size() == 1 ? "the blob " : missing.size() + " blobs, among them ")
        + missing.get(0) + ", which the registry no longer holds");
  }

  /**
   * For a push to the registry, the last push when nothing changed and the registry still holds
   * it under every tag, whole; an archive is always written.
   */
  Optional<BuiltImage> unchanged(Destination destination, Registries registries,
      ImageReference target) {
    return destination == Destination.REGISTRY
        ? confirmedIn(registries.pull(target.registry(), target.repository()), target)
        : Optional.empty();
  }

  /**
   * For a push to the registry, online, the last push when it was built with the same settings:
   * the one to swap changed layers into.
   */
  Optional<LastBuild.Push> toPatch(Destination destination, boolean offline) {
    return destination == Destination.REGISTRY && !offline
        ? lastWithSameSettings() : Optional.empty();
  }

  /**
   * The last push, when it was built with the same settings as this build: its image differs
   * from this one only in what its application layers hold.
   */
  Optional<LastBuild.Push> lastWithSameSettings() {
    return lastBuild.withSettings(fingerprint.settings());
  }

  /**
   * The layers of {@code push} that hold what this build's layers of the same name would, by
   * name: the registry has them already.
   *
   * @param cacheDirectory the application-layer cache they were built into
   */
  Map<String, BuiltLayer> unchangedLayers(LastBuild.Push push, Path cacheDirectory) {
    Map<String, BuiltLayer> unchanged = new HashMap<>();
    for (LastBuild.Layer layer : push.layers()) {
      if (!layer.fingerprint().equals(fingerprint.layers().get(layer.name()))) {
        continue;
      }
      try {
        unchanged.put(layer.name(), JibLayers.cached(
            cacheDirectory, layer.name(), layer.digest(), layer.diffId(), layer.size()));
      } catch (IllegalArgumentException e) {
        // A damaged record: the layer is built as if changed.
      }
    }
    return unchanged;
  }

  /**
   * Remembers a push for the next build; failing to is not worth failing the build for.
   *
   * @param layers its non-empty application layers, in image order
   */
  void remember(BuiltImage pushed, List<BuiltLayer> layers) {
    List<LastBuild.Layer> recorded = layers.stream().map(layer -> new LastBuild.Layer(
        layer.name(), fingerprint.layers().getOrDefault(layer.name(), ""),
        layer.digest(), layer.diffId(), layer.size())).toList();
    try {
      lastBuild.remember(fingerprint, pushed, recorded);
    } catch (IOException e) {
      log.warn("Cannot record the build for the next up-to-date check: " + e.getMessage());
    }
  }
}
