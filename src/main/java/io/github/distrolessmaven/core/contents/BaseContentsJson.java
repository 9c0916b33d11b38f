package io.github.distrolessmaven.core.contents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.distrolessmaven.core.oci.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON form of {@link BaseContents}, written field by field so that its shape is fixed here
 * rather than by reflection: it is a cache kept across plugin versions, and a file of another shape
 * must be refused, not half-read. Streamed with jackson-core alone: it is read on every build
 * that is not up to date, and Jackson's object mapper takes longer to start than the file takes
 * to read.
 */
final class BaseContentsJson {

  /** Raise when the shape changes, so caches written by older plugins are read as misses. */
  static final int FORMAT_VERSION = 2;

  private static final JsonFactory FACTORY = Json.FACTORY;

  private BaseContentsJson() {}

  static String write(BaseContents contents) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField("formatVersion", FORMAT_VERSION);
      json.writeArrayFieldStart("shells");
      for (String shell : contents.shells()) {
        json.writeString(shell);
      }
      json.writeEndArray();
      objects(json, "packages", contents.packages(), pkg -> new String[] {
          "name", pkg.name(), "version", pkg.version(), "architecture", pkg.architecture(),
          "source", pkg.source().orElse(null)});
      objects(json, "javaRuntimes", contents.javaRuntimes(), runtime -> new String[] {
          "home", runtime.home(), "version", runtime.version(),
          "implementor", runtime.implementor().orElse(null)});
      json.writeArrayFieldStart("executables");
      for (String file : contents.executables().files()) {
        json.writeString(file);
      }
      json.writeEndArray();
      objects(json, "links", List.copyOf(contents.executables().links().entrySet()),
          link -> new String[] {"path", link.getKey(), "target", link.getValue()});
      json.writeEndObject();
    } catch (IOException e) {
      // Written to a string: there is no I/O to fail.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes {@code items} as an array of objects of string fields, given as name, value pairs. */
  private static <T> void objects(JsonGenerator json, String name, List<T> items,
      Function<T, String[]> fields) throws IOException {
    json.writeArrayFieldStart(name);
    for (T item : items) {
      json.writeStartObject();
      String[] pairs = fields.apply(item);
      for (int i = 0; i < pairs.length; i += 2) {
        json.writeStringField(pairs[i], pairs[i + 1]);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static BaseContents read(String text) throws IOException {
    try (JsonParser json = FACTORY.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("Base contents JSON is not an object");
      }
      Integer version = null;
      List<String> shells = null;
      List<DebianPackage> packages = null;
      List<JavaRuntime> runtimes = null;
      List<String> executables = null;
      List<Map.Entry<String, String>> links = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "formatVersion" -> version = value == JsonToken.VALUE_NUMBER_INT
              ? json.getIntValue() : -1;
          case "shells" -> shells = strings(json, field);
          case "packages" -> packages = objects(json, field, BaseContentsJson::debianPackage);
          case "javaRuntimes" -> runtimes = objects(json, field, BaseContentsJson::javaRuntime);
          case "executables" -> executables = strings(json, field);
          case "links" -> links = objects(json, field,
              link -> Map.entry(required(link, "path"), required(link, "target")));
          default -> json.skipChildren();
        }
      }
      if (version == null || version != FORMAT_VERSION) {
        throw new IOException(
            "Base contents JSON has format version " + version + ", expected " + FORMAT_VERSION);
      }
      requirePresent(shells, "shells");
      requirePresent(packages, "packages");
      requirePresent(runtimes, "javaRuntimes");
      requirePresent(executables, "executables");
      requirePresent(links, "links");
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IOException("Base contents JSON goes on after its object");
      }
      Map<String, String> linkMap = new HashMap<>();
      links.forEach(link -> linkMap.put(link.getKey(), link.getValue()));
      return new BaseContents(shells, packages, runtimes,
          new Executables(new java.util.HashSet<>(executables), linkMap));
    } catch (IllegalArgumentException e) {
      throw new IOException("Base contents JSON holds an invalid value: " + e.getMessage(), e);
    }
  }

  private static DebianPackage debianPackage(Map<String, String> fields) throws IOException {
    return new DebianPackage(
        required(fields, "name"),
        required(fields, "version"),
        fields.get("architecture"),
        Optional.ofNullable(fields.get("source")));
  }

  private static JavaRuntime javaRuntime(Map<String, String> fields) throws IOException {
    return new JavaRuntime(
        required(fields, "home"),
        required(fields, "version"),
        Optional.ofNullable(fields.get("implementor")));
  }

  /** The array the parser is at, of strings. */
  private static List<String> strings(JsonParser json, String field) throws IOException {
    requireArray(json, field);
    List<String> values = new ArrayList<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        throw new IOException("Base contents JSON has a " + field + "[] that is not a string");
      }
      values.add(json.getText());
    }
    return values;
  }

  /** The array the parser is at, of flat objects whose fields are strings or null. */
  private static <T> List<T> objects(JsonParser json, String field, Element<T> element)
      throws IOException {
    requireArray(json, field);
    List<T> values = new ArrayList<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        throw new IOException("Base contents JSON has a " + field + "[] that is not an object");
      }
      Map<String, String> fields = new HashMap<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          fields.put(name, json.getText());
        } else if (value != JsonToken.VALUE_NULL) {
          throw new IOException("Base contents JSON has a " + name + " that is not a string");
        }
      }
      values.add(element.of(fields));
    }
    return values;
  }

  private static void requireArray(JsonParser json, String field) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw new IOException("Base contents JSON has no array " + field);
    }
  }

  private static void requirePresent(List<?> values, String field) throws IOException {
    if (values == null) {
      throw new IOException("Base contents JSON has no array " + field);
    }
  }

  private static String required(Map<String, String> fields, String field) throws IOException {
    String value = fields.get(field);
    if (value == null) {
      throw new IOException("Base contents JSON lacks " + field);
    }
    return value;
  }

  @FunctionalInterface
  private interface Element<T> {
    T of(Map<String, String> fields) throws IOException;
  }
}
