package io.github.distrolessmaven.core.base.contents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of {@link BaseContents}, written field by field so that its shape is fixed here
 * rather than by reflection: it is a cache kept across plugin versions, and a file of another shape
 * must be refused, not half-read.
 */
final class BaseContentsJson {

  /** Raise when the shape changes, so caches written by older plugins are read as misses. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BaseContentsJson() {}

  static String write(BaseContents contents) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode shells = root.putArray("shells");
    contents.shells().forEach(shells::add);
    ArrayNode packages = root.putArray("packages");
    for (DebianPackage pkg : contents.packages()) {
      ObjectNode node = packages.addObject();
      node.put("name", pkg.name());
      node.put("version", pkg.version());
      node.put("architecture", pkg.architecture());
      node.put("source", pkg.source().orElse(null));
    }
    ArrayNode runtimes = root.putArray("javaRuntimes");
    for (JavaRuntime runtime : contents.javaRuntimes()) {
      ObjectNode node = runtimes.addObject();
      node.put("home", runtime.home());
      node.put("version", runtime.version());
      node.put("implementor", runtime.implementor().orElse(null));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serializes; this would be a Jackson bug.
      throw new IllegalStateException("Cannot write base contents as JSON", e);
    }
  }

  static BaseContents read(String json) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("Base contents JSON is not an object");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new IOException(
          "Base contents JSON has format version " + version + ", expected " + FORMAT_VERSION);
    }
    try {
      List<String> shells = new ArrayList<>();
      for (JsonNode shell : array(root, "shells")) {
        shells.add(text(shell, "shells[]", true));
      }
      List<DebianPackage> packages = new ArrayList<>();
      for (JsonNode pkg : array(root, "packages")) {
        packages.add(
            new DebianPackage(
                text(pkg.get("name"), "name", true),
                text(pkg.get("version"), "version", true),
                text(pkg.get("architecture"), "architecture", false),
                Optional.ofNullable(text(pkg.get("source"), "source", false))));
      }
      List<JavaRuntime> runtimes = new ArrayList<>();
      for (JsonNode runtime : array(root, "javaRuntimes")) {
        runtimes.add(
            new JavaRuntime(
                text(runtime.get("home"), "home", true),
                text(runtime.get("version"), "version", true),
                Optional.ofNullable(text(runtime.get("implementor"), "implementor", false))));
      }
      return new BaseContents(shells, packages, runtimes);
    } catch (IllegalArgumentException e) {
      throw new IOException("Base contents JSON holds an invalid value: " + e.getMessage(), e);
    }
  }

  private static JsonNode array(JsonNode root, String field) throws IOException {
    JsonNode array = root.get(field);
    if (array == null || !array.isArray()) {
      throw new IOException("Base contents JSON has no array " + field);
    }
    return array;
  }

  private static String text(JsonNode node, String field, boolean required) throws IOException {
    if (node == null || node.isNull()) {
      if (required) {
        throw new IOException("Base contents JSON lacks " + field);
      }
      return null;
    }
    if (!node.isTextual()) {
      throw new IOException("Base contents JSON has a " + field + " that is not a string");
    }
    return node.textValue();
  }
}
