package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.oci.Descriptor;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.oci.ImageIndex;
import io.github.distrolessmaven.core.oci.ImageManifest;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The archive jib-core writes (a docker-archive, or an OCI layout for the OCI format, with one
 * image), read in place: its blobs, and the manifest a registry push of the same image stores,
 * byte for byte (for a docker-archive, which holds no manifest, written as jib-core's registry
 * push writes it). Both the {@code tar} goal's archive and a full build's push are made from it.
 */
public final class JibArchive implements ArchivedImage {

  private final TarEntries tar;
  private final byte[] manifest;
  private final String manifestDigest;
  private final String mediaType;
  private final List<Blob> blobs;
  /** The entry of jib-core's archive that holds each blob, by digest. */
  private final Map<String, String> entries;
  /** Blobs written here rather than by jib-core (a config naming the variant), by digest. */
  private final Map<String, byte[]> rewritten;

  private JibArchive(TarEntries tar, byte[] manifest, String mediaType, List<Blob> blobs,
      Map<String, String> entries, Map<String, byte[]> rewritten) {
    this.tar = tar;
    this.manifest = manifest;
    this.manifestDigest = Sha256.of(manifest);
    this.mediaType = mediaType;
    this.blobs = List.copyOf(blobs);
    this.entries = Map.copyOf(entries);
    this.rewritten = Map.copyOf(rewritten);
  }

  /**
   * Opens jib-core's archive; the caller closes it.
   *
   * @param expectedDigest the manifest digest jib-core reported; a mismatch is an internal error
   * @throws IOException when the archive cannot be read, or is not as jib-core writes it
   */
  public static JibArchive open(Path archive, String expectedDigest) throws IOException {
    return open(archive, expectedDigest, Optional.empty());
  }

  /**
   * Opens jib-core's archive, its image's config naming the platform's CPU {@code variant},
   * which jib-core does not write (the manifest then names that config); the caller closes it.
   *
   * @param expectedDigest the manifest digest jib-core reported; a mismatch is an internal error
   * @throws IOException when the archive cannot be read, or is not as jib-core writes it
   */
  public static JibArchive open(Path archive, String expectedDigest, Optional<String> variant)
      throws IOException {
    TarEntries tar = null;
    try {
      tar = TarEntries.open(archive);
      Map<String, String> entries = new HashMap<>();
      List<Blob> blobs = new ArrayList<>();
      JibArchive image = tar.contains("manifest.json")
          ? fromDockerArchive(tar, blobs, entries) : fromOciLayout(tar, blobs, entries);
      if (!image.manifestDigest().equals(expectedDigest)) {
        throw new IOException("the archive's manifest is " + image.manifestDigest()
            + " but the image is " + expectedDigest
            + "; please report this as a bug of distroless-maven-plugin");
      }
      return image.canonical(variant);
    } catch (ArchiveException e) {
      closeQuietly(tar);
      throw new IOException("cannot read the archive jib-core wrote, " + archive + ": "
          + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(tar);
      throw e;
    }
  }

  /** Docker format: the manifest is written as jib-core's registry push writes it. */
  private static JibArchive fromDockerArchive(TarEntries tar, List<Blob> blobs,
      Map<String, String> entries) throws ArchiveException, IOException {
    DockerArchiveReader.Image image = new DockerArchiveReader(tar).images().get(0);
    Blob config = blob(tar, image.config(), "config", entries);
    blobs.add(config);
    for (String layer : image.layers()) {
      blobs.add(blob(tar, layer, "layer", entries));
    }
    ObjectNode manifest = Json.object();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.DOCKER_MANIFEST);
    descriptor(manifest.putObject("config"), MediaTypes.DOCKER_CONFIG, config);
    ArrayNode layerNodes = manifest.putArray("layers");
    blobs.subList(1, blobs.size())
        .forEach(layer -> descriptor(layerNodes.addObject(), MediaTypes.DOCKER_LAYER_GZIP, layer));
    return new JibArchive(tar, Json.write(manifest), MediaTypes.DOCKER_MANIFEST, blobs, entries,
        Map.of());
  }

  /** OCI format: jib-core wrote the layout already; its manifest blob is kept as it is. */
  private static JibArchive fromOciLayout(TarEntries tar, List<Blob> blobs,
      Map<String, String> entries) throws ArchiveException {
    LayoutReader layout = new LayoutReader(tar, "the OCI layout jib-core wrote");
    ImageIndex index = layout.index();
    LayoutReader.Document document = layout.document(index.manifests().get(0), "the manifest");
    ImageManifest manifest;
    try {
      manifest = ImageManifest.of(document.tree(), document.where());
    } catch (FormatException e) {
      throw LayoutReader.corrupt(e);
    }
    List<Descriptor> descriptors = new ArrayList<>();
    descriptors.add(manifest.config());
    descriptors.addAll(manifest.layers());
    for (Descriptor descriptor : descriptors) {
      String role = descriptor == manifest.config() ? "config" : "layer";
      blobs.add(new Blob(descriptor.digest(), descriptor.size(), role));
      entries.put(descriptor.digest(), descriptor.blobPath());
    }
    return new JibArchive(tar, document.bytes(), MediaTypes.OCI_MANIFEST, blobs, entries,
        Map.of());
  }

  /**
   * The same image with its config {@link #canonical}, and the manifest naming that config;
   * every other byte as jib-core wrote it. Itself when jib-core's config is canonical already.
   */
  private JibArchive canonical(Optional<String> variant) throws IOException {
    Blob config = blobs.get(0);
    byte[] bytes;
    try (InputStream in = open(config)) {
      bytes = in.readAllBytes();
    }
    byte[] newConfig =
        Json.write(canonical(exactly(bytes, "the config jib-core wrote"), variant));
    if (Arrays.equals(newConfig, bytes)) {
      return this;
    }
    Blob rewrittenConfig = new Blob(Sha256.of(newConfig), newConfig.length, "config");
    ObjectNode manifestTree = exactly(manifest, "the manifest of jib-core's image");
    ((ObjectNode) manifestTree.get("config")).put("digest", rewrittenConfig.digest())
        .put("size", rewrittenConfig.size());
    List<Blob> newBlobs = new ArrayList<>(blobs);
    newBlobs.set(0, rewrittenConfig);
    return new JibArchive(tar, Json.write(manifestTree), mediaType, newBlobs, entries,
        Map.of(rewrittenConfig.digest(), newConfig));
  }

  /**
   * The image config as the plugin writes every one: naming the platform's CPU {@code variant}
   * right after {@code "os"} (jib-core writes none), or none when it is empty; and with the
   * labels, exposed ports, volumes and environment in name order. jib-core copies those from
   * hash maps, whose order depends on the JDK that runs the build (since JDK 19 a copied map is
   * sized otherwise), so the same project gave one config digest on JDK 17 and another on JDK 25.
   */
  public static ObjectNode canonical(ObjectNode config, Optional<String> variant) {
    ObjectNode named = Json.object();
    config.fields().forEachRemaining(field -> {
      if (field.getKey().equals("config") && field.getValue() instanceof ObjectNode runtime) {
        named.set("config", inNameOrder(runtime));
      } else if (!field.getKey().equals("variant")) {
        named.set(field.getKey(), field.getValue());
      }
      if (field.getKey().equals("os") && variant.isPresent()) {
        named.put("variant", variant.get());
      }
    });
    return named;
  }

  /** The config's {@code config} object with its maps, and its environment, in name order. */
  private static ObjectNode inNameOrder(ObjectNode runtime) {
    ObjectNode sorted = runtime.deepCopy();
    for (String map : List.of("Labels", "ExposedPorts", "Volumes")) {
      if (runtime.get(map) instanceof ObjectNode entries) {
        ObjectNode byName = Json.object();
        new TreeMap<String, JsonNode>(toMap(entries)).forEach(byName::set);
        sorted.set(map, byName);
      }
    }
    if (runtime.get("Env") instanceof ArrayNode environment) {
      List<JsonNode> variables = new ArrayList<>();
      environment.forEach(variables::add);
      // By the variable's name, the part before '='.
      Comparator<JsonNode> byName =
          Comparator.comparing(variable -> variable.asText().split("=", 2)[0]);
      variables.sort(byName.thenComparing(variable -> variable.asText()));
      ArrayNode inOrder = sorted.putArray("Env");
      variables.forEach(inOrder::add);
    }
    return sorted;
  }

  private static Map<String, JsonNode> toMap(ObjectNode node) {
    Map<String, JsonNode> map = new HashMap<>();
    node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue()));
    return map;
  }

  /** The JSON object in {@code bytes}, which Jackson must write back byte for byte. */
  public static ObjectNode exactly(byte[] bytes, String what) throws IOException {
    ObjectNode tree = Json.readObject(bytes, what);
    if (!Arrays.equals(Json.write(tree), bytes) || !(tree.get("config") instanceof ObjectNode)) {
      throw new IOException(what + " does not read back byte for byte; please report this as a"
          + " bug of distroless-maven-plugin");
    }
    return tree;
  }

  private static Blob blob(TarEntries tar, String entry, String role, Map<String, String> entries)
      throws ArchiveException, IOException {
    long size = tar.require(entry, "a blob of jib-core's archive");
    String digest;
    try (InputStream in = tar.open(entry)) {
      digest = Sha256.copy(in, OutputStream.nullOutputStream()).digest();
    }
    entries.put(digest, entry);
    return new Blob(digest, size, role);
  }

  private static void closeQuietly(TarEntries tar) {
    if (tar != null) {
      try {
        tar.close();
      } catch (ArchiveException e) {
        // Already failing for a better reason.
      }
    }
  }

  private static void descriptor(ObjectNode node, String mediaType, Blob blob) {
    node.put("mediaType", mediaType);
    node.put("digest", blob.digest());
    node.put("size", blob.size());
  }

  @Override
  public String manifestDigest() {
    return manifestDigest;
  }

  @Override
  public String manifestMediaType() {
    return mediaType;
  }

  @Override
  public byte[] manifestBytes() {
    return manifest.clone();
  }

  @Override
  public List<Blob> blobs() {
    return blobs;
  }

  @Override
  public InputStream open(Blob blob) throws IOException {
    byte[] written = rewritten.get(blob.digest());
    return written != null ? new ByteArrayInputStream(written)
        : tar.open(entries.get(blob.digest()));
  }

  @Override
  public void close() throws ArchiveException {
    tar.close();
  }
}
