package io.github.distrolessmaven.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
