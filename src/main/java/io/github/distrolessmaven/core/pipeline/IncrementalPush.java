package io.github.distrolessmaven.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.BuiltLayer;
import io.github.distrolessmaven.core.oci.ImageReference;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.push.ImageUpload;
import io.github.distrolessmaven.core.registry.Body;
import io.github.distrolessmaven.core.registry.RegistryClient;
import io.github.distrolessmaven.core.state.LastBuild;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes a rebuild whose only change since the last push is in what its application layers hold,
 * without jib-core's build: the last push's manifest and config are read back from the registry
 * by digest, their application layers' digests, sizes and diff ids replaced by the new layers',
 * and only the layers the registry lacks, the config and the manifest are sent.
 *
 * <p>What it pushes is byte for byte what jib-core would push for the same inputs. Everything in
 * the config but the diff ids (base, entrypoint, labels, history, times) follows from the
 * settings, which {@link UpToDateCheck} found unchanged; the layers are the ones {@code
 * JibLayers} built for jib-core; and the JSON is written again by Jackson, as jib-core writes
 * it, after a check that Jackson gives back the registry's bytes unchanged. Whatever does not fit
 * (the last push or one of its blobs gone from the registry, another number of layers, a
 * refused request) leaves the build to a full one ({@link FullPush}).
 */
final class IncrementalPush {

  /**
   * What was pushed.
   *
   * @param digest the manifest's digest
   * @param imageId the config's digest
   * @param manifest the manifest as pushed
   */
  record Pushed(String digest, String imageId, byte[] manifest) {}

  private final RegistryClient registry;
  private final ImageUpload upload;
  private final BuildLog log;

  /** @param registry a client that may push to the target's repository, the last push's */
  IncrementalPush(RegistryClient registry, BuildLog log) {
    this(registry, new ImageUpload(registry, log), log);
  }

  /**
   * @param registry a client that may push to the target's repository, the last push's
   * @param upload an upload through {@code registry}, shared by the images pushed side by side
   *     (each platform's of an index), which sends a blob they share once
   */
  IncrementalPush(RegistryClient registry, ImageUpload upload, BuildLog log) {
    this.registry = registry;
    this.upload = upload;
    this.log = log;
  }

  /**
   * @param lastPush the last push to the target's repository, built with the same settings
   * @param layers every non-empty application layer, in image order, built into the cache
   * @param target the image as the user named it, for messages
   * @param tags every tag to push the manifest to
   * @return what was pushed; empty when this build is left to jib-core, with the reason logged
   * @throws ImageBuildException when the image is whole in the registry but a tag could not be
   *     moved to it
   */
  Optional<Pushed> push(LastBuild.Push lastPush, List<BuiltLayer> layers, ImageReference target,
      List<String> tags) throws ImageBuildException {
    String last = lastPush.digest();
    try {
      Optional<byte[]> served = registry.manifest(last, MediaTypes.ACCEPT_IMAGE_MANIFEST)
          .map(RegistryClient.Manifest::bytes);
      if (served.isEmpty()) {
        return inFull("the last push, " + last + ", is gone from the registry");
      }
      Optional<ObjectNode> manifest = readExactly(served.get(), last);
      if (manifest.isEmpty()) {
        return inFull("the registry's manifest " + last + " is not as it was pushed");
      }
      JsonNode config = manifest.get().path("config");
      ArrayNode oldLayers = array(manifest.get(), "layers");
      String oldConfigDigest = config.path("digest").asText("");
      if (oldLayers == null || oldLayers.size() < layers.size() || oldConfigDigest.isEmpty()
          || lastPush.layers().size() != layers.size()) {
        return inFull("the last push, " + last + ", has another shape");
      }
      int first = oldLayers.size() - layers.size();
      for (int i = 0; i < layers.size(); i++) {
        if (!lastPush.layers().get(i).digest()
            .equals(oldLayers.get(first + i).path("digest").asText())) {
          return inFull("the last push, " + last + ", is not as this project's record says");
        }
      }
      Optional<byte[]> oldConfigBytes = registry.get("blobs/" + oldConfigDigest, null);
      Optional<ObjectNode> imageConfig = oldConfigBytes.isEmpty()
          ? Optional.empty() : readExactly(oldConfigBytes.get(), oldConfigDigest);
      ArrayNode diffIds = imageConfig.map(c -> array(c.path("rootfs"), "diff_ids")).orElse(null);
      if (diffIds == null || diffIds.size() != oldLayers.size()) {
        return inFull("the config of the last push, " + oldConfigDigest + ", cannot be read back");
      }

      Set<String> had = new HashSet<>();
      oldLayers.forEach(layer -> had.add(layer.path("digest").asText()));
      List<BuiltLayer> missing = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        BuiltLayer layer = layers.get(i);
        if (!(oldLayers.get(first + i) instanceof ObjectNode descriptor)) {
          return inFull("the last push, " + last + ", has another shape");
        }
        descriptor.put("digest", layer.digest());
        descriptor.put("size", layer.size());
        diffIds.set(first + i, layer.diffId());
        if (!had.contains(layer.digest())) {
          missing.add(layer);
        }
      }
      byte[] newConfig = Json.write(imageConfig.get());
      String configDigest = Sha256.of(newConfig);
      ((ObjectNode) config).put("digest", configDigest);
      ((ObjectNode) config).put("size", newConfig.length);
      byte[] newManifest = Json.write(manifest.get());
      String digest = Sha256.of(newManifest);
      String mediaType = manifest.get().path("mediaType")
          .asText(MediaTypes.OCI_MANIFEST);

      // Every blob the new manifest names is proved there, or sent: the last push's blobs may
      // have been garbage-collected since.
      List<String> needed = new ArrayList<>();
      needed.add(configDigest);
      manifest.get().path("layers").forEach(layer -> needed.add(layer.path("digest").asText()));
      Map<String, BuiltLayer> ours = new HashMap<>();
      layers.forEach(layer -> ours.put(layer.digest(), layer));
      List<String> lacking = registry.missingBlobs(needed);
      for (String blob : lacking) {
        if (!blob.equals(configDigest) && !ours.containsKey(blob)) {
          return inFull("the blob " + blob + " of the last push is gone from the registry");
        }
      }
      for (String blob : lacking) {
        upload.send(blob, blob.equals(configDigest)
            ? Body.of(newConfig) : Body.of(ours.get(blob).file()));
      }
      upload.manifest(newManifest, mediaType, target, tags);
      List<String> changed = missing.stream().map(BuiltLayer::name).toList();
      log.info(changed.isEmpty()
          ? "Pushed the last image again: its layers are unchanged"
          : "Pushed only the changed " + names(changed) + "; the rest is the last push's ("
              + last + ")");
      return Optional.of(new Pushed(digest, configDigest, newManifest));
    } catch (IOException | RuntimeException e) {
      // A refusal, or an answer not expected: jib-core builds in full and explains any failure.
      return inFull(e.getMessage() != null ? e.getMessage() : e.toString());
    }
  }

  /** "classes layer", "resources and classes layers", "a, b and c layers". */
  private static String names(List<String> layers) {
    if (layers.size() == 1) {
      return layers.get(0) + " layer";
    }
    return String.join(", ", layers.subList(0, layers.size() - 1)) + " and "
        + layers.get(layers.size() - 1) + " layers";
  }

  private Optional<Pushed> inFull(String why) {
    log.info("Building in full: " + why);
    return Optional.empty();
  }

  /**
   * The JSON object in {@code bytes}, when they have this digest and Jackson writes them back
   * unchanged; else empty.
   */
  static Optional<ObjectNode> readExactly(byte[] bytes, String digest) throws IOException {
    if (!Sha256.of(bytes).equals(digest)) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!(tree instanceof ObjectNode object) || !Arrays.equals(Json.write(object), bytes)) {
      return Optional.empty();
    }
    return Optional.of(object);
  }

  private static ArrayNode array(JsonNode parent, String field) {
    return parent.get(field) instanceof ArrayNode array ? array : null;
  }
}
