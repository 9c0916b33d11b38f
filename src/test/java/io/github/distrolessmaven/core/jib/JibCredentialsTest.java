package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials as a build finds them, and what it says when a source it needs is broken. */
class JibCredentialsTest {

  @TempDir Path dir;

  private static String auth(String userAndPassword) {
    return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private Optional<RegistryAuth> credentials(CredentialSources sources, String registry)
      throws IOException {
    return new JibCredentials(sources, new RecordingLog()).forRepository(registry, "team/app");
  }

  private CredentialSources dockerConfig(String json) throws IOException {
    Path file = Files.writeString(dir.resolve("config.json"), json);
    return new CredentialSources(Optional.empty(), Optional.empty(), Map.of(), Optional.of(file));
  }

  @Test
  void aBrokenEntryForAnotherRegistryDoesNotStandInTheWay() throws IOException {
    CredentialSources sources = dockerConfig("{\"auths\": {"
        + "\"other.example.com\": {\"auth\": \"%%%\"},"
        + "\"registry.example.com\": {\"auth\": \"" + auth("it-user:it-secret") + "\"}}}");

    RegistryAuth found = credentials(sources, "registry.example.com").orElseThrow();

    assertEquals("it-user", found.username());
    assertEquals("it-secret", found.password());
  }

  @Test
  void aBrokenEntryForThisRegistryIsExplained() throws IOException {
    CredentialSources sources =
        dockerConfig("{\"auths\": {\"registry.example.com\": {\"auth\": \"%%%secret\"}}}");

    IOException e = assertThrows(IOException.class,
        () -> credentials(sources, "registry.example.com"));

    assertTrue(e.getMessage().contains("the entry \"registry.example.com\" under \"auths\" has an"
        + " \"auth\" that is not base64 of user:password"), e.getMessage());
    assertTrue(!e.getMessage().contains("%%%secret"), e.getMessage());
  }

  @Test
  void aCredentialHelperThatIsNotThereIsNamedWithTheSetting() {
    CredentialSources sources = new CredentialSources(Optional.empty(),
        Optional.of("surely-not-installed"), Map.of(), Optional.empty());

    IOException e = assertThrows(IOException.class,
        () -> credentials(sources, "registry.example.com"));

    assertTrue(e.getMessage().contains("the credential helper"
        + " docker-credential-surely-not-installed that "
        + Setting.CRED_HELPER.element("surely-not-installed") + " names is not on the PATH"),
        e.getMessage());
  }
}
