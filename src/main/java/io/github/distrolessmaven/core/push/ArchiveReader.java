package io.github.distrolessmaven.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;

/**
 * Reads and checks an image archive before anything is pushed: an OCI image layout in a tar
 * ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}), possibly also carrying
 * docker-archive's {@code manifest.json}. Every blob must match its name, the index must point
 * to one image manifest, and every blob that manifest needs must be there with its size.
 */
public final class ArchiveReader {

  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final Set<String> INDEX_TYPES = Set.of(
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json");

  private ArchiveReader() {}

  /**
   * @param tar the archive
   * @param scratch an empty directory that receives the blobs; the caller deletes it
   * @param tag the tag being pushed, which chooses among different images in one archive
   * @throws InvalidConfigurationException naming the archive and what is wrong with it
   * @throws ImageBuildException when the archive cannot be read or unpacked
   */
  /** Referrers (SBOMs, signatures) are small documents, read into memory to push. */
  static final long MAX_REFERRER_BLOB = 64L << 20;

  public static ArchiveImage read(Path tar, Path scratch, Optional<String> tag)
      throws InvalidConfigurationException, ImageBuildException {
    UnpackedArchive archive = ArchiveUnpacker.unpack(tar, scratch);
    if (archive.index().isEmpty()) {
      throw ArchiveProblems.invalid(tar, archive.dockerManifest().isPresent()
          ? "is a docker-archive without an OCI layout (no index.json), which cannot be pushed"
              + " with its digest unchanged"
          : "has no index.json, so it is not an OCI image layout");
    }
    if (archive.ociLayout().isEmpty()) {
      throw ArchiveProblems.invalid(tar, "has no oci-layout file, so it is not an OCI image layout");
    }
    ImageIndex index = ImageIndex.parse(archive.index().get(), tar);
    List<ImageIndex.Entry> chosen = index.select(tag, tar);
    ImageIndex.Entry entry = chosen.get(0);
    String digest = entry.digest();
    Path manifestFile = archive.blobs().get(digest);
    if (manifestFile == null) {
      throw ArchiveProblems.invalid(tar, "lacks the manifest blobs/sha256/"
          + hex(digest) + " that index.json names");
    }
    byte[] manifest = readManifest(manifestFile, tar);
    if (entry.size().isPresent() && entry.size().getAsLong() != manifest.length) {
      throw ArchiveProblems.invalid(tar, "has a manifest of " + manifest.length
          + " bytes where index.json says " + entry.size().getAsLong());
    }
    JsonNode root = parse(manifest, tar, digest);
    String mediaType = mediaType(root, entry, tar);
    List<BlobFile> blobs = new ArrayList<>();
    blobs.add(blob(root.path("config"), "config", archive, tar));
    if (!root.path("layers").isArray()) {
      throw ArchiveProblems.invalid(tar, "has a manifest " + digest + " without a 'layers' list");
    }
    for (JsonNode layer : root.get("layers")) {
      blobs.add(blob(layer, "layer", archive, tar));
    }
    List<String> names = new ArrayList<>();
    chosen.forEach(named -> named.imageName().ifPresent(names::add));
    return new ArchiveImage(digest, mediaType, manifest, blobs, names,
        referrersOf(digest, index.referrers(), archive, tar));
  }

  /** The artifacts in the archive whose subject is the image, e.g. its SBOM. */
  private static List<ReferrerArtifact> referrersOf(String image,
      List<ImageIndex.Referrer> listed, UnpackedArchive archive, Path tar)
      throws InvalidConfigurationException, ImageBuildException {
    List<ReferrerArtifact> referrers = new ArrayList<>();
    for (ImageIndex.Referrer referrer : listed) {
      Path manifestFile = archive.blobs().get(referrer.digest());
      if (manifestFile == null) {
        throw ArchiveProblems.invalid(tar, "lacks the manifest blobs/sha256/"
            + hex(referrer.digest()) + " of the " + referrer.artifactType() + " it lists");
      }
      byte[] manifest = readManifest(manifestFile, tar);
      JsonNode root = parse(manifest, tar, referrer.digest());
      if (!image.equals(root.path("subject").path("digest").asText())) {
        continue;
      }
      Map<String, byte[]> blobs = new TreeMap<>();
      List<JsonNode> descriptors = new ArrayList<>();
      descriptors.add(root.path("config"));
      root.path("layers").forEach(descriptors::add);
      for (JsonNode descriptor : descriptors) {
        BlobFile blob = blob(descriptor, referrer.artifactType(), archive, tar);
        if (blob.size() > MAX_REFERRER_BLOB) {
          throw ArchiveProblems.invalid(tar, "has a " + referrer.artifactType() + " blob of "
              + blob.size() + " bytes; more than " + MAX_REFERRER_BLOB + " is not pushed");
        }
        try {
          blobs.put(blob.digest(), Files.readAllBytes(blob.file()));
        } catch (IOException e) {
          throw new ImageBuildException("Cannot read " + blob.file() + " unpacked from " + tar
              + ": " + e.getMessage(), e);
        }
      }
      referrers.add(new ReferrerArtifact(manifest,
          Descriptor.of(ReferrerArtifact.OCI_MANIFEST, manifest), referrer.artifactType(), blobs));
    }
    return referrers;
  }

  private static byte[] readManifest(Path file, Path tar) throws ImageBuildException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the manifest unpacked from " + tar + " at "
          + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(byte[] manifest, Path tar, String digest)
      throws InvalidConfigurationException {
    try {
      JsonNode root = new ObjectMapper().readTree(manifest);
      if (root == null || !root.isObject()) {
        throw ArchiveProblems.invalid(tar, "has a manifest " + digest + " that is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw ArchiveProblems.invalid(tar, "has a manifest " + digest + " that is not valid JSON ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** The descriptor's and the manifest's own media type must agree, and be an image manifest. */
  private static String mediaType(JsonNode root, ImageIndex.Entry entry, Path tar)
      throws InvalidConfigurationException {
    Optional<String> own = root.path("mediaType").isTextual()
        ? Optional.of(root.get("mediaType").asText()) : Optional.empty();
    if (own.isPresent() && entry.mediaType().isPresent()
        && !own.get().equals(entry.mediaType().get())) {
      throw ArchiveProblems.invalid(tar, "names the manifest " + entry.digest() + " as "
          + entry.mediaType().get() + " in index.json, but the manifest says " + own.get());
    }
    String type = own.or(entry::mediaType).orElse(OCI_MANIFEST);
    if (INDEX_TYPES.contains(type)) {
      throw ArchiveProblems.invalid(tar, "holds a multi-platform image index (" + type
          + "); distroless:push pushes one image manifest. Copy one platform into the archive");
    }
    if (!type.equals(OCI_MANIFEST) && !type.equals(DOCKER_MANIFEST)) {
      throw ArchiveProblems.invalid(tar, "holds a manifest of type " + type + ", not an OCI ("
          + OCI_MANIFEST + ") or Docker v2.2 (" + DOCKER_MANIFEST + ") image manifest");
    }
    if (root.path("schemaVersion").asInt() != 2) {
      throw ArchiveProblems.invalid(tar, "has a manifest " + entry.digest()
          + " whose schemaVersion is not 2");
    }
    return type;
  }

  private static BlobFile blob(JsonNode descriptor, String role, UnpackedArchive archive, Path tar)
      throws InvalidConfigurationException {
    String digest = descriptor.path("digest").asText("");
    if (!ImageIndex.DIGEST.matcher(digest).matches()) {
      throw ArchiveProblems.invalid(tar, "has a manifest whose " + role + " digest '" + digest
          + "' is not sha256:<64 hex digits>");
    }
    Path file = archive.blobs().get(digest);
    if (file == null) {
      throw ArchiveProblems.invalid(tar, "lacks the " + role + " blobs/sha256/" + hex(digest)
          + " that its manifest needs");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException("the unpacked " + file + " vanished", e);
    }
    if (!descriptor.path("size").isIntegralNumber() || descriptor.get("size").asLong() != size) {
      throw ArchiveProblems.invalid(tar, "has the " + role + " blobs/sha256/" + hex(digest)
          + " with " + size + " bytes, but its manifest says " + descriptor.path("size").asText("nothing"));
    }
    return new BlobFile(digest, size, role, file);
  }

  private static String hex(String digest) {
    return digest.substring("sha256:".length());
  }
}
