package io.github.distrolessmaven.core.oci;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The one way image documents are read and written: Jackson, through one shared mapper (a mapper
 * is costly to make and safe to share), as trees. Written documents have no white space and keep
 * their fields in the order they were put, so the same content always gives the same bytes.
 */
public final class Json {

  /**
   * Shared, never reconfigured after this class is loaded. Its errors never quote the document:
   * some documents (a docker config) hold secrets, and errors reach the log.
   */
  public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

  /** For streaming reads and writes where a tree is not needed. */
  public static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Manifests, indexes and configs are small; anything larger is not one. */
  public static final long MAX_DOCUMENT = 8L << 20;

  private Json() {}

  /**
   * The JSON document in {@code bytes}.
   *
   * @param where the document, as a message names it
   * @throws FormatException when it is empty or not JSON
   */
  public static JsonNode read(byte[] bytes, String where) throws FormatException {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new FormatException(where + " is empty where JSON was expected");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new FormatException(where + " is not valid JSON (" + firstLine(e.getOriginalMessage())
          + ")", e);
    } catch (IOException e) {
      throw new FormatException("cannot parse " + where + ": " + e.getMessage(), e);
    }
  }

  /** The JSON object in {@code bytes}; see {@link #read}. */
  public static ObjectNode readObject(byte[] bytes, String where) throws FormatException {
    JsonNode node = read(bytes, where);
    if (!(node instanceof ObjectNode object)) {
      throw new FormatException(where + " is not a JSON object");
    }
    return object;
  }

  /** The bytes of {@code node}. */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A text field, or empty when absent, not text, or blank. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText()) : Optional.empty();
  }

  /**
   * Readies the tree model, whose first use loads a few hundred classes, for a spare thread;
   * a failure only means the first real use pays the cost itself.
   */
  public static void warmUp() {
    try {
      write(MAPPER.readTree("{\"layers\":[{\"size\":1}]}"));
    } catch (IOException | RuntimeException e) {
      // The first document read readies it.
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
