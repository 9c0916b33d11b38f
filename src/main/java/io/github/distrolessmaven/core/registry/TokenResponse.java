package io.github.distrolessmaven.core.registry;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token in a registry token service's answer ({@code {"token": "..."}} or
 * {@code {"access_token": "..."}}), read without a JSON library: tokens are base64url and JWT
 * characters, never escaped, and loading Jackson would cost the fast path more than the request.
 */
final class TokenResponse {

  private static final Pattern TOKEN =
      Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([A-Za-z0-9._~+/=-]+)\"");

  private TokenResponse() {}

  static Optional<String> token(byte[] body) {
    Matcher matcher = TOKEN.matcher(new String(body, StandardCharsets.UTF_8));
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
