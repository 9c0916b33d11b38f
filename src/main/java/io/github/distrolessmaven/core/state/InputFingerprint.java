package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * the cost this check exists to avoid. A class or resource is identified by its content: a
 * rebuild may write it again with a new time and the same bytes. Its hash is remembered by path
 * and file status ({@link FileHashes}), so a file left alone is not read again.
 *
 * <p>A second SHA-256, of the {@linkplain #settings() settings}, leaves out what is inside the
 * layers: two builds with the same settings give images that differ only in the contents of
 * their application layers, so the second may be pushed as the first with those layers swapped.
 *
 * @param whole everything, {@code sha256:...}
 * @param settings everything but what the layers hold: the tool, base and configuration, each
 *     layer's name and whether it is empty, {@code sha256:...}
 * @param layers each layer's name to the fingerprint of what it holds, {@code sha256:...}
 */
public record InputFingerprint(String whole, String settings, Map<String, String> layers) {

  /** @param layers copied defensively */
  public InputFingerprint {
    layers = Map.copyOf(layers);
  }

  /** Changes whenever what the fingerprint covers changes, so old records never match. */
  static final int FORMAT = 1;

  /**
   * @param content what decides the image
   * @param baseDigest the base's resolved digest (or config digest for a base from a file)
   * @param destination where the image goes, e.g. {@code REGISTRY}
   * @param tool what identifies the plugin build itself
   * @throws IOException when a file of a layer cannot be read
   */
  public static InputFingerprint of(ImageContent content, String baseDigest, String destination, String tool)
      throws IOException {
    return of(content, baseDigest, destination, tool, FileHashes.none());
  }

  /**
   * As {@link #of(ImageContent, String, String, String)}, with the hashes of classes and resources
   * remembered in {@code remembered} (written back), so that a file left alone is not read again.
   */
  public static InputFingerprint of(ImageContent content, String baseDigest, String destination,
      String tool, Path remembered) throws IOException {
    FileHashes hashes = new FileHashes(remembered, FileHashes.now(remembered.getParent()));
    InputFingerprint fingerprint = of(content, baseDigest, destination, tool, hashes);
    hashes.save();
    return fingerprint;
  }

  private static InputFingerprint of(ImageContent content, String baseDigest, String destination,
      String tool, FileHashes hashes) throws IOException {
    Text text = new Text();
    text.add("format", Integer.toString(FORMAT));
    text.add("tool", tool);
    text.add("destination", destination);
    text.add("target", content.targetImage());
    text.add("additionalTags", content.additionalTags());
    text.add("base", content.baseImage());
    text.add("platforms", content.platforms().stream().map(Object::toString).toList());
    text.add("baseDigest", baseDigest);
    text.add("user", content.user());
    text.add("entrypoint", content.entrypoint());
    text.add("args", content.args());
    content.environment().forEach((name, value) -> text.add("environment." + name, value));
    for (ExposedPort port : content.ports()) {
      text.add("port", port.number() + "/" + port.protocol());
    }
    content.userLabels().forEach((name, value) -> text.add("label." + name, value));
    text.add("volumes", content.volumes());
    text.add("workingDirectory", content.workingDirectory().orElse(""));
    text.add("imageFormat", content.format().name());
    text.add("created", content.timestamps().creationTime().toString());
    text.add("filesModified", content.timestamps().filesModificationTime().toString());
    ProjectMetadata project = content.project();
    for (String value : Arrays.asList(project.title(), project.description(), project.version(),
        project.url(), project.source(), project.revision(), project.licenses(), project.vendor())) {
      text.add("project", value == null ? "\\0" : value);
    }
    text.add("allowShell", Boolean.toString(content.allowShell()));
    text.add("application", content.application() + ":" + content.application().type());
    for (Dependency dependency : content.dependencies()) {
      text.add("dependency", dependency.coordinates() + ":" + dependency.coordinates().type());
    }
    text.add("classpath", content.layers().classpath());
    Text settings = text.copy();
    Map<String, String> layers = new LinkedHashMap<>();
    for (PlannedLayer layer : content.layers().layers()) {
      settings.add("layer", layer.name());
      // jib-core leaves an empty layer out of the image (the planner plans none today): whether
      // a layer is empty is part of the image's shape.
      settings.add("empty", Boolean.toString(layer.files().isEmpty()));
      Text files = new Text();
      files.add("layer", layer.name());
      files.add("files", identities(layer.files(), hashes));
      layers.put(layer.name(), Sha256.of(files.bytes()));
      text.append(files);
    }
    // Each platform's own runtime, when the build linked one per platform.
    for (Map.Entry<Platform, PlannedLayer> runtime : content.platformRuntimes().entrySet()) {
      settings.add("platformRuntime", runtime.getKey().toString());
      text.add("platformRuntime", runtime.getKey().toString());
      text.add("files", identities(runtime.getValue().files(), hashes));
    }
    return new InputFingerprint(
        Sha256.of(text.bytes()), Sha256.of(settings.bytes()), layers);
  }

  /**
   * The inputs as lines of {@code key=value}, each value escaped so that no value can run into
   * the next line: two different sets of inputs never give the same text. Plain text, not JSON:
   * this runs on every build, and should not load a JSON library.
   */
  private static final class Text {
    private final StringBuilder text = new StringBuilder();

    void add(String key, String value) {
      text.append(key).append('=');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\\' || c == '\n') {
          text.append('\\');
        }
        text.append(c == '\n' ? 'n' : c);
      }
      text.append('\n');
    }

    void add(String key, List<String> values) {
      text.append(key).append('#').append(values.size()).append('\n');
      values.forEach(value -> add(key + "[]", value));
    }

    Text copy() {
      Text copy = new Text();
      copy.append(this);
      return copy;
    }

    void append(Text other) {
      text.append(other.text);
    }

    byte[] bytes() {
      return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Each file as target, mode and content identity, hashed in parallel, in plan order. */
  private static List<String> identities(List<PlannedFile> files, FileHashes hashes)
      throws IOException {
    try {
      return files.parallelStream().map(file -> identity(file, hashes)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String identity(PlannedFile file, FileHashes hashes) {
    Path source = file.source();
    String prefix = file.target() + " " + Integer.toOctalString(file.mode()) + " ";
    try {
      if (Files.isSymbolicLink(source)) {
        // The image holds the link itself: its target as written is what it is.
        return prefix + "link " + Files.readSymbolicLink(source);
      }
      BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return prefix + "dir";
      }
      if (source.getFileName().toString().endsWith(".jar")) {
        return prefix + source.toAbsolutePath() + " " + attributes.size() + " "
            + attributes.lastModifiedTime().toMillis();
      }
      return prefix + hashes.of(source, attributes);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot read " + source + ": " + e.getMessage(), e));
    }
  }
}
