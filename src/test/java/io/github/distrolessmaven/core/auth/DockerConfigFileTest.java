package io.github.distrolessmaven.core.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding and checking the docker config.json. */
class DockerConfigFileTest {

  @TempDir Path dir;

  private Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void dockerConfigVariableWinsOverHome() throws IOException {
    Path home = dir.resolve("home");
    write(home.resolve(".docker/config.json"), "{}");
    Path custom = write(dir.resolve("custom/config.json"), "{}");

    assertEquals(
        Optional.of(custom),
        DockerConfigFile.locate(Map.of("DOCKER_CONFIG", dir.resolve("custom").toString()), home));
  }

  @Test
  void homeDockerConfigIsTheDefault() throws IOException {
    Path home = dir.resolve("home");
    Path config = write(home.resolve(".docker/config.json"), "{}");

    assertEquals(Optional.of(config), DockerConfigFile.locate(Map.of(), home));
    assertEquals(Optional.of(config), DockerConfigFile.locate(Map.of("DOCKER_CONFIG", " "), home));
  }

  @Test
  void missingFileIsEmpty() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(home.resolve(".docker/config.json"));

    assertEquals(Optional.empty(), DockerConfigFile.locate(Map.of(), home));
    assertEquals(
        Optional.empty(),
        DockerConfigFile.locate(Map.of("DOCKER_CONFIG", dir.resolve("nowhere").toString()), home));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"auths\":{\"registry.example.com\":{\"auth\":\"dXNlcjpwYXNz\"}}}",
      "{\"auths\":{},\"credHelpers\":{\"gcr.io\":\"gcloud\"},\"credsStore\":\"desktop\"}"})
  void validFilePasses(String json) throws IOException {
    Path file = write(dir.resolve("config.json"), json);

    assertDoesNotThrow(() -> DockerConfigFile.check(file));
  }

  @Test
  void malformedJsonNamesTheFileAndLine() throws IOException {
    Path file = write(dir.resolve("config.json"), "{\n  \"auths\": {\n    \"a\": \n}");

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> DockerConfigFile.check(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals(Setting.DOCKER_CONFIG, e.setting());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("DOCKER_CONFIG"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", ""})
  void nonObjectIsRefused(String json) throws IOException {
    Path file = write(dir.resolve("config.json"), json);

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> DockerConfigFile.check(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"auths", "credHelpers"})
  void sectionThatIsNotAnObjectIsRefused(String field) throws IOException {
    Path file = write(dir.resolve("config.json"), "{\"" + field + "\": [\"gcr.io\"]}");

    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> DockerConfigFile.check(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("'" + field + "' is not an object"), e.getMessage());
  }

  private static final String SECRET = java.util.Base64.getEncoder().encodeToString(
      "it-user:it-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void aBrokenEntryForAnotherRegistryIsNoProblemOfThisBuild() throws IOException {
    Path file = write(dir.resolve("config.json"), "{\"auths\": {"
        + "\"other.example.com\": {\"auth\": \"!!not base64!!\"},"
        + "\"registry.example.com:5000\": {\"auth\": \"" + SECRET + "\"}},"
        + "\"credHelpers\": {\"third.example.com\": \"missing\"}}");

    assertEquals(Optional.empty(),
        DockerConfigFile.problemFor(file, "registry.example.com:5000", ""));
  }

  @Test
  void anAuthThatIsNotBase64IsNamedWithItsFileAndKeyNeverItsValue() throws IOException {
    String broken = "aXQtdXNlcjppdC1zZWNyZXQ!!";
    Path file = write(dir.resolve("config.json"),
        "{\"auths\": {\"https://registry.example.com/v1/\": {\"auth\": \"" + broken + "\"}}}");

    String problem = DockerConfigFile.problemFor(file, "registry.example.com", "").orElseThrow();

    assertEquals(file + ": the entry \"https://registry.example.com/v1/\" under \"auths\" has an"
        + " \"auth\" that is not base64 of user:password. Log in again (docker login"
        + " registry.example.com), or remove the entry.", problem);
    assertTrue(!problem.contains(broken) && !problem.contains("Illegal"), problem);
  }

  @Test
  void anAuthOfBase64WithoutUserAndPasswordIsNamed() throws IOException {
    String token = java.util.Base64.getEncoder().encodeToString(
        "just-a-token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path file = write(dir.resolve("config.json"),
        "{\"auths\": {\"registry.example.com\": {\"auth\": \"" + token + "\"}}}");

    String problem = DockerConfigFile.problemFor(file, "registry.example.com", "").orElseThrow();

    assertTrue(problem.contains("is base64, but not of user:password"), problem);
    assertTrue(!problem.contains("just-a-token") && !problem.contains(token), problem);
  }

  @Test
  void aCredentialHelperThatIsNotOnThePathIsNamed() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = write(dir.resolve("config.json"),
        "{\"credHelpers\": {\"registry.example.com\": \"corp\"}}");

    String problem = DockerConfigFile.problemFor(file, "registry.example.com", bin.toString())
        .orElseThrow();
    assertEquals(file + ": the entry \"registry.example.com\" under \"credHelpers\" names the"
        + " helper docker-credential-corp, which is not on the PATH. Install it, or remove the"
        + " entry.", problem);

    Path helper = write(bin.resolve("docker-credential-corp"), "#!/bin/true");
    helper.toFile().setExecutable(true);
    assertEquals(Optional.empty(),
        DockerConfigFile.problemFor(file, "registry.example.com", bin.toString()));
  }
}
