package io.github.distrolessmaven.core.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.distrolessmaven.core.oci.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * The token in a registry token service's answer: {@code {"token": "..."}} or
 * {@code {"access_token": "..."}}, read with Jackson's streaming parser (no object model is
 * needed for one field).
 */
final class TokenResponse {

  private TokenResponse() {}

  static Optional<String> token(byte[] body) {
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String accessToken = null;
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && field.equals("token")
            && !parser.getText().isEmpty()) {
          return Optional.of(parser.getText());
        }
        if (value == JsonToken.VALUE_STRING && field.equals("access_token")) {
          accessToken = parser.getText();
        }
        parser.skipChildren();
      }
      return Optional.ofNullable(accessToken).filter(token -> !token.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
