package io.github.distrolessmaven.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An OCI layout's {@code index.json}: the manifests the archive carries, each named by a tag
 * ({@code org.opencontainers.image.ref.name}) and maybe a full reference
 * ({@code io.containerd.image.name}). An archive of one image under several tags lists the same
 * manifest once per tag.
 */
final class ImageIndex {

  static final String REF_NAME = "org.opencontainers.image.ref.name";
  static final String CONTAINERD_NAME = "io.containerd.image.name";
  static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  /** One manifest descriptor of the index. */
  record Entry(
      String digest,
      Optional<String> mediaType,
      OptionalLong size,
      Optional<String> refName,
      Optional<String> imageName) {

    /** How a user would recognise this entry: its name, else its tag. */
    String label() {
      return imageName.or(() -> refName).orElse("(unnamed)");
    }

    /** The tag this entry stands for: ref.name, else the tag of the full name. */
    Optional<String> tag() {
      if (refName.isPresent()) {
        return refName;
      }
      return imageName.map(name -> {
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(colon + 1) : "latest";
      });
    }
  }

  /**
   * An artifact that refers to an image (an SBOM, a signature): listed in the index with its
   * {@code artifactType}, never a candidate for the image to push.
   */
  record Referrer(String digest, String artifactType) {}

  private final List<Entry> entries;
  private final List<Referrer> referrers;

  private ImageIndex(List<Entry> entries, List<Referrer> referrers) {
    this.entries = List.copyOf(entries);
    this.referrers = List.copyOf(referrers);
  }

  List<Entry> entries() {
    return entries;
  }

  List<Referrer> referrers() {
    return referrers;
  }

  static ImageIndex parse(byte[] json, Path tar) throws InvalidConfigurationException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw ArchiveProblems.invalid(tar, "has an index.json that is not valid JSON ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject() || !root.path("manifests").isArray()) {
      throw ArchiveProblems.invalid(tar, "has an index.json without a 'manifests' array");
    }
    List<Entry> entries = new ArrayList<>();
    List<Referrer> referrers = new ArrayList<>();
    for (JsonNode descriptor : root.get("manifests")) {
      String digest = descriptor.path("digest").asText("");
      if (!DIGEST.matcher(digest).matches()) {
        throw ArchiveProblems.invalid(tar, "has an index.json entry whose digest '" + digest
            + "' is not sha256:<64 hex digits>");
      }
      Optional<String> artifactType = text(descriptor, "artifactType");
      if (artifactType.isPresent()) {
        referrers.add(new Referrer(digest, artifactType.get()));
        continue;
      }
      JsonNode annotations = descriptor.path("annotations");
      entries.add(new Entry(
          digest,
          text(descriptor, "mediaType"),
          descriptor.path("size").isIntegralNumber()
              ? OptionalLong.of(descriptor.get("size").asLong()) : OptionalLong.empty(),
          text(annotations, REF_NAME),
          text(annotations, CONTAINERD_NAME)));
    }
    if (entries.isEmpty()) {
      throw ArchiveProblems.invalid(tar, "has an index.json that lists no image manifest");
    }
    return new ImageIndex(entries, referrers);
  }

  /**
   * The one manifest to push. Entries normally all point to the same manifest; when they do not,
   * the target's tag chooses among them by name.
   *
   * @param tag the tag being pushed, which may choose among different manifests
   * @return the entries of the chosen manifest (one per name it carries)
   */
  List<Entry> select(Optional<String> tag, Path tar) throws InvalidConfigurationException {
    Map<String, List<Entry>> byDigest = byDigest(entries);
    if (byDigest.size() == 1) {
      return entries;
    }
    if (tag.isPresent()) {
      List<Entry> named = new ArrayList<>();
      entries.stream().filter(entry -> entry.tag().equals(tag)).forEach(named::add);
      if (byDigest(named).size() == 1) {
        return named;
      }
    }
    StringBuilder listing = new StringBuilder();
    byDigest.forEach((digest, named) -> {
      listing.append("\n  ").append(digest).append(':');
      named.forEach(entry -> listing.append(' ').append(entry.label()));
    });
    throw ArchiveProblems.invalid(tar, "holds " + byDigest.size() + " different images, and"
        + " the tag of " + Setting.TO_IMAGE.propertyName() + " chooses none of them:" + listing
        + "\nPush one by giving " + Setting.TO_IMAGE.propertyName()
        + " the tag it has in the archive, or write an"
        + " archive with one image");
  }

  private static Map<String, List<Entry>> byDigest(List<Entry> entries) {
    Map<String, List<Entry>> byDigest = new LinkedHashMap<>();
    entries.forEach(entry ->
        byDigest.computeIfAbsent(entry.digest(), key -> new ArrayList<>()).add(entry));
    return byDigest;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText()) : Optional.empty();
  }
}
