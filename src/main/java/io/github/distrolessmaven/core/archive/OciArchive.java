package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.oci.ReferrerArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image archive read for a push, as this plugin's {@code tar} goal, {@code docker save} and
 * {@code skopeo copy ... oci-archive:} write it: an OCI image layout in a tar, possibly also
 * carrying docker-archive's {@code manifest.json}. It is checked whole before anything is sent:
 * every blob must match its name, the index must point to one image manifest or one image index
 * (a multi-platform image, whose images are then {@link #platformImages()}), every blob each
 * manifest needs must be there with its size. Blobs are read from the tar when they are sent,
 * never unpacked.
 */
public final class OciArchive implements ArchivedImage {

  /** Referrers (SBOMs, signatures) are small documents, read into memory to push. */
  static final long MAX_REFERRER_BLOB = 64L << 20;

  private static final Pattern BLOB = Pattern.compile("blobs/sha256/([0-9a-f]{64})");

  private final TarEntries tar;
  private final String manifestDigest;
  private final String manifestMediaType;
  private final byte[] manifest;
  private final List<Blob> blobs;
  private final List<String> imageNames;
  private final List<ReferrerArtifact> referrers;
  private final List<OciArchive> platformImages;
  private final Optional<Platform> platform;
  private final boolean ownsTar;

  private OciArchive(TarEntries tar, String manifestDigest, String manifestMediaType,
      byte[] manifest, List<Blob> blobs, List<String> imageNames,
      List<ReferrerArtifact> referrers, List<OciArchive> platformImages,
      Optional<Platform> platform, boolean ownsTar) {
    this.tar = tar;
    this.manifestDigest = manifestDigest;
    this.manifestMediaType = manifestMediaType;
    this.manifest = manifest;
    this.blobs = List.copyOf(blobs);
    this.imageNames = List.copyOf(imageNames);
    this.referrers = List.copyOf(referrers);
    this.platformImages = List.copyOf(platformImages);
    this.platform = platform;
    this.ownsTar = ownsTar;
  }

  /**
   * Opens and checks the archive; the caller closes it.
   *
   * @param tag the tag being pushed, which chooses among different images in one archive
   * @throws ArchiveException UNUSABLE for a file that is no OCI image archive of one image,
   *     DAMAGED for a truncated or corrupt one, UNREADABLE when it cannot be read; each message
   *     names the archive
   */
  public static OciArchive open(Path path, Optional<String> tag) throws ArchiveException {
    if (!Files.isRegularFile(path)) {
      throw ArchiveException.unusable(path + " does not exist or is not a file");
    }
    TarEntries tar = TarEntries.open(path);
    try {
      OciArchive archive = read(tar, tag);
      tar = null;
      return archive;
    } finally {
      if (tar != null) {
        tar.close();
      }
    }
  }

  private static OciArchive read(TarEntries tar, Optional<String> tag) throws ArchiveException {
    Path path = tar.location();
    verifyBlobs(tar);
    if (!tar.contains("index.json")) {
      throw ArchiveException.unusable(path + (tar.contains("manifest.json")
          ? " is a docker-archive without an OCI layout (no index.json), which cannot be pushed"
              + " with its digest unchanged"
          : " has no index.json, so it is not an OCI image layout"));
    }
    if (!tar.contains("oci-layout")) {
      throw ArchiveException.unusable(
          path + " has no oci-layout file, so it is not an OCI image layout");
    }
    LayoutReader layout = new LayoutReader(tar, "the OCI archive " + path);
    ImageIndex index = layout.index();
    List<Descriptor> chosen = choose(index.images(), tag, path);
    Descriptor entry = chosen.get(0);
    if (!tar.contains(entry.blobPath())) {
      throw ArchiveException.unusable(path + " lacks the manifest " + entry.blobPath()
          + " that index.json names");
    }
    byte[] manifest = layout.blob(entry, "the manifest " + entry.digest());
    JsonNode root = LayoutReader.parse(manifest, "the manifest " + entry.digest() + " of " + path);
    List<String> names = new ArrayList<>();
    chosen.forEach(named -> named.imageName().ifPresent(names::add));
    if (ImageIndex.isIndex(root, entry.mediaType())) {
      return platforms(tar, layout, entry, manifest, root, names, index.artifacts());
    }
    return image(tar, layout, entry, manifest, root, names, index.artifacts(), true);
  }


  /** One image manifest of the archive, its blobs checked, with its referrers. */
  private static OciArchive image(TarEntries tar, LayoutReader layout, Descriptor entry,
      byte[] manifest, JsonNode root, List<String> names, List<Descriptor> artifacts,
      boolean ownsTar) throws ArchiveException {
    Path path = tar.location();
    String mediaType = mediaType(root, entry, path);
    ImageManifest image;
    try {
      image = ImageManifest.of(root, "the manifest " + entry.digest() + " of " + path);
    } catch (FormatException e) {
      throw ArchiveException.unusable(e.getMessage());
    }
    List<Blob> blobs = new ArrayList<>();
    blobs.add(blob(image.config(), "config", tar));
    for (Descriptor layer : image.layers()) {
      blobs.add(blob(layer, "layer", tar));
    }
    return new OciArchive(tar, entry.digest(), mediaType, manifest, blobs, names,
        referrersOf(entry.digest(), artifacts, layout), List.of(), entry.platform(), ownsTar);
  }

  /**
   * A multi-platform image: the index (pushed as it is, under the tags) and each image it lists
   * (pushed by digest first), each whole in the archive.
   */
  private static OciArchive platforms(TarEntries tar, LayoutReader layout, Descriptor entry,
      byte[] bytes, JsonNode root, List<String> names, List<Descriptor> artifacts)
      throws ArchiveException {
    Path path = tar.location();
    ImageIndex index;
    try {
      index = ImageIndex.of(root, "the image index " + entry.digest() + " of " + path);
    } catch (FormatException e) {
      throw ArchiveException.unusable(e.getMessage());
    }
    if (index.images().isEmpty()) {
      throw ArchiveException.unusable(path + " has an image index " + entry.digest()
          + " that lists no image");
    }
    List<OciArchive> images = new ArrayList<>();
    for (Descriptor child : index.images()) {
      if (!tar.contains(child.blobPath())) {
        throw ArchiveException.unusable(path + " lacks the manifest " + child.blobPath()
            + " that its image index " + entry.digest() + " lists"
            + child.platform().map(platform -> " for " + platform).orElse(""));
      }
      byte[] manifest = layout.blob(child, "the manifest " + child.digest());
      JsonNode childRoot =
          LayoutReader.parse(manifest, "the manifest " + child.digest() + " of " + path);
      if (ImageIndex.isIndex(childRoot, child.mediaType())) {
        throw ArchiveException.unusable(path + " has an image index " + entry.digest()
            + " that lists another index, " + child.digest() + "; distroless:push pushes an"
            + " index of images");
      }
      images.add(image(tar, layout, child, manifest, childRoot, List.of(), artifacts, false));
    }
    String mediaType = Json.text(root, "mediaType").or(entry::mediaType)
        .orElse(MediaTypes.OCI_INDEX);
    return new OciArchive(tar, entry.digest(), mediaType, bytes, List.of(), names,
        referrersOf(entry.digest(), artifacts, layout), images, Optional.empty(), true);
  }

  /** Hashes every blob of the archive, so that a corrupt one is found before any is sent. */
  private static void verifyBlobs(TarEntries tar) throws ArchiveException {
    for (String name : tar.names()) {
      Matcher blob = BLOB.matcher(name);
      if (!blob.matches()) {
        continue;
      }
      String actual;
      try (InputStream in = tar.open(name)) {
        actual = Sha256.copy(in, OutputStream.nullOutputStream()).digest();
      } catch (IOException e) {
        throw ArchiveException.damaged(tar.location() + " is not a complete tar archive (while"
            + " reading " + name + ": " + e.getMessage() + "); it may be truncated", e);
      }
      if (!actual.equals("sha256:" + blob.group(1))) {
        throw ArchiveException.damaged(tar.location() + " is corrupt: blob " + name + " has "
            + actual + ", not the sha256:" + blob.group(1) + " its name says. Write the archive"
            + " again");
      }
    }
  }

  /**
   * The entries of the one manifest to push. Entries normally all point to the same manifest;
   * when they do not, the target's tag chooses among them by name.
   */
  private static List<Descriptor> choose(List<Descriptor> entries, Optional<String> tag, Path path)
      throws ArchiveException {
    if (entries.isEmpty()) {
      throw ArchiveException.unusable(path + " has an index.json that lists no image manifest");
    }
    Map<String, List<Descriptor>> byDigest = byDigest(entries);
    if (byDigest.size() == 1) {
      return entries;
    }
    if (tag.isPresent()) {
      List<Descriptor> named =
          entries.stream().filter(entry -> tagOf(entry).equals(tag)).toList();
      if (byDigest(named).size() == 1) {
        return named;
      }
    }
    StringBuilder listing = new StringBuilder();
    byDigest.forEach((digest, named) -> {
      listing.append("\n  ").append(digest).append(':');
      named.forEach(entry -> listing.append(' ').append(
          entry.imageName().or(entry::refName).orElse("(unnamed)")));
    });
    throw ArchiveException.unusable(path + " holds " + byDigest.size() + " different images, and"
        + " the tag being pushed chooses none of them:" + listing + "\nPush one by giving the"
        + " target the tag it has in the archive, or write an archive with one image");
  }

  /** The tag an entry stands for: its ref name, else the tag of its full name. */
  private static Optional<String> tagOf(Descriptor entry) {
    return entry.refName().or(() -> entry.imageName().map(ImageArchive::tagOf));
  }

  private static Map<String, List<Descriptor>> byDigest(List<Descriptor> entries) {
    Map<String, List<Descriptor>> byDigest = new LinkedHashMap<>();
    entries.forEach(entry ->
        byDigest.computeIfAbsent(entry.digest(), key -> new ArrayList<>()).add(entry));
    return byDigest;
  }

  /** The descriptor's and the manifest's own media type must agree, and be an image manifest. */
  private static String mediaType(JsonNode root, Descriptor entry, Path path)
      throws ArchiveException {
    Optional<String> own = Json.text(root, "mediaType");
    if (own.isPresent() && entry.mediaType().isPresent()
        && !own.get().equals(entry.mediaType().get())) {
      throw ArchiveException.unusable(path + " names the manifest " + entry.digest() + " as "
          + entry.mediaType().get() + " in index.json, but the manifest says " + own.get());
    }
    String type = own.or(entry::mediaType).orElse(MediaTypes.OCI_MANIFEST);
    if (!MediaTypes.IMAGE_MANIFESTS.contains(type)) {
      throw ArchiveException.unusable(path + " holds a manifest of type " + type + ", not an OCI ("
          + MediaTypes.OCI_MANIFEST + ") or Docker v2.2 (" + MediaTypes.DOCKER_MANIFEST
          + ") image manifest");
    }
    if (root.path("schemaVersion").asInt() != 2) {
      throw ArchiveException.unusable(path + " has a manifest " + entry.digest()
          + " whose schemaVersion is not 2");
    }
    return type;
  }

  private static Blob blob(Descriptor descriptor, String role, TarEntries tar)
      throws ArchiveException {
    if (!tar.contains(descriptor.blobPath())) {
      throw ArchiveException.unusable(tar.location() + " lacks the " + role + " "
          + descriptor.blobPath() + " that its manifest needs");
    }
    long size = tar.require(descriptor.blobPath(), role);
    if (size != descriptor.size()) {
      throw ArchiveException.unusable(tar.location() + " has the " + role + " "
          + descriptor.blobPath() + " with " + size + " bytes, but its manifest says "
          + descriptor.size());
    }
    return new Blob(descriptor.digest(), size, role);
  }

  /** The artifacts in the archive whose subject is the image, e.g. its SBOM. */
  private static List<ReferrerArtifact> referrersOf(
      String image, List<Descriptor> listed, LayoutReader layout) throws ArchiveException {
    Path path = layout.files().location();
    List<ReferrerArtifact> referrers = new ArrayList<>();
    for (Descriptor referrer : listed) {
      String type = referrer.artifactType().orElseThrow();
      if (!layout.files().contains(referrer.blobPath())) {
        throw ArchiveException.unusable(path + " lacks the manifest " + referrer.blobPath()
            + " of the " + type + " it lists");
      }
      byte[] manifest = layout.blob(referrer, "the manifest of the " + type);
      ImageManifest parsed;
      try {
        parsed = ImageManifest.parse(manifest, "the manifest " + referrer.digest() + " of " + path);
      } catch (FormatException e) {
        throw ArchiveException.unusable(e.getMessage());
      }
      if (parsed.subject().isEmpty() || !image.equals(parsed.subject().get().digest())) {
        continue;
      }
      Map<String, byte[]> blobs = new TreeMap<>();
      List<Descriptor> descriptors = new ArrayList<>();
      descriptors.add(parsed.config());
      descriptors.addAll(parsed.layers());
      for (Descriptor descriptor : descriptors) {
        blob(descriptor, type, (TarEntries) layout.files());
        if (descriptor.size() > MAX_REFERRER_BLOB) {
          throw ArchiveException.unusable(path + " has a " + type + " blob of "
              + descriptor.size() + " bytes; more than " + MAX_REFERRER_BLOB + " is not pushed");
        }
        blobs.put(descriptor.digest(), layout.files().read(descriptor.blobPath(), type,
            MAX_REFERRER_BLOB));
      }
      referrers.add(new ReferrerArtifact(manifest,
          Descriptor.of(MediaTypes.OCI_MANIFEST, manifest), type, blobs));
    }
    return referrers;
  }

  @Override
  public String manifestDigest() {
    return manifestDigest;
  }

  @Override
  public String manifestMediaType() {
    return manifestMediaType;
  }

  @Override
  public byte[] manifestBytes() {
    return manifest.clone();
  }

  @Override
  public List<Blob> blobs() {
    return blobs;
  }

  /** The full references the index names ({@code io.containerd.image.name}). */
  public List<String> imageNames() {
    return imageNames;
  }

  /**
   * For a multi-platform image, the images its index lists, each with its blobs and referrers
   * (each platform's SBOM); empty for an image of one platform.
   */
  @Override
  public List<OciArchive> platformImages() {
    return platformImages;
  }

  /** The platform an image index names for this image, where this is one of its images. */
  public Optional<Platform> platform() {
    return platform;
  }

  /** For a multi-platform image, its images' blobs, each once; else the image's. */
  @Override
  public long size() {
    return platformImages.isEmpty() ? ArchivedImage.super.size()
        : ArchivedImage.sizeOf(platformImages);
  }

  /** The artifacts the archive carries whose subject is this image (its SBOM). */
  public List<ReferrerArtifact> referrers() {
    return referrers;
  }

  /** A blob of the image, as the archive holds it (verified when the archive was opened). */
  @Override
  public InputStream open(Blob blob) throws IOException {
    return tar.open(Descriptor.blobPath(blob.digest()));
  }

  /** Where the archive is. */
  public Path location() {
    return tar.location();
  }

  @Override
  public void close() throws ArchiveException {
    if (ownsTar) {
      tar.close();
    }
  }
}
