package io.github.distrolessmaven.core.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.ImageBuildException;
import java.io.IOException;
import java.util.Optional;

/** Reads the JSON documents of an image: manifests, indexes, configs. */
final class ImageJson {

  /** Manifests, indexes and configs are small; anything larger is not one. */
  static final long MAX_SIZE = 8L << 20;

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ImageJson() {}

  /** @param where the file, as a message names it */
  static JsonNode parse(byte[] bytes, String where) throws ImageBuildException {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new ImageBuildException(
            where + " is empty where JSON was expected; the image is corrupt.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ImageBuildException(
          where + " is not valid JSON (" + e.getOriginalMessage() + "); the image is corrupt.", e);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot parse " + where + ": " + e.getMessage(), e);
    }
  }

  /** A text field, or empty when absent or not text. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
