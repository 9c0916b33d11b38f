package io.github.distrolessmaven.core.uptodate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * One SHA-256 over everything that decides the image and its SBOM: the tool itself, the base's
 * resolved digest, every configuration value, and every file of every layer. Two builds with the
 * same fingerprint build the same image, so the second may stop once the registry confirms it
 * still holds the first's result.
 *
 * <p>Files are identified by content, hashed in parallel, except jars, which are identified by
 * path, size and modification time: Maven writes a dependency jar once into the local repository
 * (a new version or SNAPSHOT build is a new write), and hashing a hundred jars on every build is
 * the cost this check exists to avoid. A class or resource is hashed: Maven's resources step
 * rewrites them on every build, with new times and the same bytes.
 */
public final class InputFingerprint {

  /** Changes whenever what the fingerprint covers changes, so old records never match. */
  static final int FORMAT = 1;

  private InputFingerprint() {}

  /**
   * @param spec the build
   * @param baseDigest the base's resolved digest (or config digest for a base from a file)
   * @param destination where the image goes, e.g. {@code REGISTRY}
   * @param tool what identifies the plugin build itself
   * @return {@code sha256:...}
   * @throws IOException when a file of a layer cannot be read
   */
  public static String of(ImageSpec spec, String baseDigest, String destination, String tool)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("tool", tool);
    root.put("destination", destination);
    root.put("target", spec.targetImage());
    strings(root.putArray("additionalTags"), spec.additionalTags());
    root.put("base", spec.baseImage());
    root.put("baseDigest", baseDigest);
    root.put("user", spec.user());
    strings(root.putArray("entrypoint"), spec.entrypoint());
    strings(root.putArray("args"), spec.args());
    map(root.putObject("environment"), spec.environment());
    ArrayNode ports = root.putArray("ports");
    for (ExposedPort port : spec.ports()) {
      ports.add(port.number() + "/" + port.protocol());
    }
    map(root.putObject("labels"), spec.userLabels());
    strings(root.putArray("volumes"), spec.volumes());
    root.put("workingDirectory", spec.workingDirectory().orElse(""));
    root.put("imageFormat", spec.format().name());
    root.put("created", spec.timestamps().creationTime().toString());
    root.put("filesModified", spec.timestamps().filesModificationTime().toString());
    root.set("project", json.valueToTree(spec.project()));
    root.put("allowShell", spec.allowShell());
    root.put("application", spec.application().toString() + ":" + spec.application().type());
    ArrayNode dependencies = root.putArray("dependencies");
    for (Dependency dependency : spec.dependencies()) {
      dependencies.add(dependency.coordinates() + ":" + dependency.coordinates().type());
    }
    strings(root.putArray("classpath"), spec.layers().classpath());
    ArrayNode layers = root.putArray("layers");
    for (PlannedLayer layer : spec.layers().layers()) {
      ObjectNode node = layers.addObject();
      node.put("name", layer.name());
      ArrayNode files = node.putArray("files");
      for (String identity : identities(layer.files())) {
        files.add(identity);
      }
    }
    return Sha256.of(json.writeValueAsBytes(root));
  }

  /** Each file as target, mode and content identity, hashed in parallel, in plan order. */
  private static List<String> identities(List<PlannedFile> files) throws IOException {
    try {
      return files.parallelStream().map(InputFingerprint::identity).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String identity(PlannedFile file) {
    Path source = file.source();
    String prefix = file.target() + " " + Integer.toOctalString(file.mode()) + " ";
    try {
      BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return prefix + "dir";
      }
      if (source.getFileName().toString().endsWith(".jar")) {
        return prefix + source.toAbsolutePath() + " " + attributes.size() + " "
            + attributes.lastModifiedTime().toMillis();
      }
      return prefix + Sha256.of(source);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot read " + source + ": " + e.getMessage(), e));
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void map(ObjectNode object, Map<String, String> values) {
    values.forEach(object::put);
  }
}
