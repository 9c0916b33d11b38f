package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.registry.ManifestHead;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.state.InputFingerprint;
import io.github.distrolessmaven.core.state.LastBuild;
import io.github.distrolessmaven.core.state.ToolIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.security.DigestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of a rebuild: when every input has the fingerprint of the last push, and the
 * registry still serves that push's digest under every tag, the image is up to date and nothing
 * is built. Any doubt (a changed input, a tag deleted or moved, an unreadable record, a registry
 * that does not answer) means a full build.
 */
final class UpToDate {

  private final InputFingerprint fingerprint;
  private final Path baseLayersCache;
  private final LastBuild lastBuild;
  private final BuildLog log;

  UpToDate(ImageSpec spec, String baseIdentity, JibImageBuilder.Destination destination,
      BuildLog log) throws ImageBuildException {
    this.log = log;
    this.lastBuild = new LastBuild(spec.applicationLayersCache());
    this.baseLayersCache = spec.baseLayersCache();
    try {
      this.fingerprint =
          InputFingerprint.of(spec, baseIdentity, destination.name(), ToolIdentity.current(),
              spec.applicationLayersCache().resolve("file-hashes.properties"));
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the application's files: " + e.getMessage(), e);
    }
  }

  /** The last push, when nothing changed and the registry still holds it under every tag. */
  Optional<BuiltImage> confirmedIn(RegistryAccess access, ImageReference target) {
    Optional<BuiltImage> last = lastBuild.recall(fingerprint.whole());
    if (last.isEmpty()) {
      return Optional.empty();
    }
    BuiltImage image = last.get();
    ManifestHead head = access.manifestHead(RegistryAccess.plainHttpMemory(baseLayersCache));
    for (String tag : image.tags()) {
      ManifestHead.Answer answer = head.digestOf(target.getRegistry(), target.getRepository(), tag);
      if (answer.status() == ManifestHead.Answer.Status.UNKNOWN) {
        answer = askJib(access, target, tag);
      }
      if (answer.status() != ManifestHead.Answer.Status.FOUND
          || !answer.digest().equals(image.digest())) {
        log.info("Rebuilding: " + target.withQualifier(tag).toStringWithQualifier()
            + (answer.status() == ManifestHead.Answer.Status.MISSING ? " is gone from the registry"
                : answer.status() == ManifestHead.Answer.Status.FOUND
                    ? " now points to another image" : " cannot be confirmed in the registry"));
        return Optional.empty();
      }
    }
    log.info("Up to date: nothing changed since the last push, and the registry still serves "
        + image.digest() + " under " + String.join(", ", image.tags()));
    return Optional.of(image.asUpToDate());
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
   * @param cacheDirectory the app-layer cache they were built into
   */
  Map<String, ApplicationLayersAhead.Layer> unchangedLayers(LastBuild.Push push,
      Path cacheDirectory) {
    Map<String, ApplicationLayersAhead.Layer> unchanged = new HashMap<>();
    for (LastBuild.Layer layer : push.layers()) {
      if (!layer.fingerprint().equals(fingerprint.layers().get(layer.name()))) {
        continue;
      }
      try {
        DescriptorDigest digest = DescriptorDigest.fromDigest(layer.digest());
        DescriptorDigest diffId = DescriptorDigest.fromDigest(layer.diffId());
        unchanged.put(layer.name(), new ApplicationLayersAhead.Layer(layer.name(), digest, diffId,
            layer.size(), JibCacheLayout.layerFile(cacheDirectory, digest, diffId)));
      } catch (DigestException e) {
        // A damaged record: the layer is built as if changed.
      }
    }
    return unchanged;
  }

  /** The slow, thorough way: jib-core's client, which handles every registry it supports. */
  private ManifestHead.Answer askJib(RegistryAccess access, ImageReference target, String tag) {
    try {
      Optional<ManifestAndDigest<ManifestTemplate>> served =
          access.client(target.getRegistry(), target.getRepository()).checkManifest(tag);
      return served.isEmpty()
          ? new ManifestHead.Answer(ManifestHead.Answer.Status.MISSING, null)
          : new ManifestHead.Answer(ManifestHead.Answer.Status.FOUND, served.get().getDigest().toString());
    } catch (IOException | RegistryException | CredentialRetrievalException e) {
      log.debug("Cannot ask the registry about " + target + " (" + JibFailures.explain(e) + ")");
      return new ManifestHead.Answer(ManifestHead.Answer.Status.UNKNOWN, null);
    }
  }

  /**
   * Remembers a push for the next build; failing to is not worth failing the build for.
   *
   * @param layers its non-empty application layers, in image order
   */
  void remember(BuiltImage pushed, List<ApplicationLayersAhead.Layer> layers) {
    List<LastBuild.Layer> recorded = layers.stream().map(layer -> new LastBuild.Layer(
        layer.name(), fingerprint.layers().getOrDefault(layer.name(), ""),
        layer.digest().toString(), layer.diffId().toString(), layer.size())).toList();
    try {
      lastBuild.remember(fingerprint, pushed, recorded);
    } catch (IOException e) {
      log.warn("Cannot record the build for the next up-to-date check: " + e.getMessage());
    }
  }
}
