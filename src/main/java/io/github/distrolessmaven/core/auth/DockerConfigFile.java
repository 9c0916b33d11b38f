package io.github.distrolessmaven.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and checks the docker {@code config.json}. Jib skips a file it cannot parse and pulls
 * anonymously; we refuse instead, because a silent anonymous pull hides the real problem.
 */
public final class DockerConfigFile {

  private DockerConfigFile() {}

  /**
   * @param environment the process environment ({@code DOCKER_CONFIG})
   * @param userHome the user's home directory
   * @return the config file when it exists
   */
  public static Optional<Path> locate(Map<String, String> environment, Path userHome) {
    String dockerConfig = environment.get("DOCKER_CONFIG");
    Path file = dockerConfig != null && !dockerConfig.isBlank()
        ? Path.of(dockerConfig, "config.json")
        : userHome.resolve(".docker").resolve("config.json");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Parses the file far enough to know that Jib will read it: a JSON object whose {@code auths}
   * and {@code credHelpers}, when present, are objects.
   *
   * @throws InvalidConfigurationException naming the file and what is wrong
   */
  public static void check(Path file) throws InvalidConfigurationException {
    JsonNode root;
    try {
      // The shared mapper quotes no source in its errors: the file holds secrets.
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new InvalidConfigurationException(
          Setting.DOCKER_CONFIG,
          file + " is not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
              + " at line "
              + e.getLocation().getLineNr() + "). Fix the file, or point DOCKER_CONFIG at a"
              + " directory with a valid config.json.");
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          Setting.DOCKER_CONFIG, file + " cannot be read (" + e + "). Make it readable, or remove it.");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidConfigurationException(
          Setting.DOCKER_CONFIG, file + " is not a JSON object. Fix the file, or remove it.");
    }
    for (String field : new String[] {"auths", "credHelpers"}) {
      if (root.has(field) && !root.get(field).isObject()) {
        throw new InvalidConfigurationException(
            Setting.DOCKER_CONFIG, file + ": '" + field + "' is not an object. Fix the file, or remove it.");
      }
    }
  }

  /**
   * What is wrong with the file's entries for {@code registry}, if anything: an {@code auths}
   * entry whose {@code auth} is not base64 of {@code user:password}, or a {@code credHelpers}
   * entry naming a helper that is not on the {@code PATH}. Entries for other registries are not
   * looked at: a build never fails on what it does not use. The message names the file, the
   * entry's key and the fault, never the secret.
   *
   * @param path the {@code PATH} to find credential helpers on
   */
  public static Optional<String> problemFor(Path file, String registry, String path) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty(); // check() reports an unreadable file, before any registry
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> entry : fields(root.path("auths"))) {
      if (!hostOf(entry.getKey()).equals(registry)) {
        continue;
      }
      JsonNode auth = entry.getValue().path("auth");
      if (auth.isMissingNode() || auth.isNull()) {
        continue;
      }
      String where = file + ": the entry \"" + entry.getKey() + "\" under \"auths\"";
      if (!auth.isTextual()) {
        return Optional.of(where + " has an \"auth\" that is not a string. Log in again"
            + " (docker login " + registry + "), or remove the entry.");
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.asText().trim()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of(where + " has an \"auth\" that is not base64 of user:password."
            + " Log in again (docker login " + registry + "), or remove the entry.");
      }
      if (decoded.indexOf(':') <= 0) {
        return Optional.of(where + " has an \"auth\" that is base64, but not of user:password"
            + " (no ':' after a user name). Log in again (docker login " + registry
            + "), or remove the entry.");
      }
    }
    for (Map.Entry<String, JsonNode> entry : fields(root.path("credHelpers"))) {
      if (!hostOf(entry.getKey()).equals(registry) || !entry.getValue().isTextual()) {
        continue;
      }
      String helper = "docker-credential-" + entry.getValue().asText();
      if (onPath(helper, path).isEmpty()) {
        return Optional.of(file + ": the entry \"" + entry.getKey() + "\" under"
            + " \"credHelpers\" names the helper " + helper + ", which is not on the PATH."
            + " Install it, or remove the entry.");
      }
    }
    return Optional.empty();
  }

  /** An executable of that name in a directory of {@code path}, if there is one. */
  public static Optional<Path> onPath(String command, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The registry a key names: {@code https://host:5000/v1/} and {@code host:5000} alike. */
  static String hostOf(String key) {
    String host = key.trim();
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(0, slash);
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.isObject() ? node::fields : java.util.List.<Map.Entry<String, JsonNode>>of();
  }
}
