package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;

/**
 * settings.xml servers become a registry host's credentials, decrypted as Maven does; the POM's
 * {@code <auth>} and {@code <credHelper>} are added per image.
 */
class MavenCredentialsTest {

  private static Settings settings(Server... servers) {
    Settings settings = new Settings();
    for (Server server : servers) {
      settings.addServer(server);
    }
    return settings;
  }

  private static AuthParameters auth(String username, String password) {
    AuthParameters auth = new AuthParameters();
    Beans.set(auth, "username", username);
    Beans.set(auth, "password", password);
    return auth;
  }

  @Test
  void aServerBecomesTheCredentialsOfItsRegistryHostDecrypted() throws Exception {
    FakeSettingsDecrypter decrypter = new FakeSettingsDecrypter()
        .decrypts("{enc-a}", "secret-a")
        .decrypts("{enc-b}", "secret-b");

    Map<String, RegistryAuth> servers = SettingsCredentials.read(settings(
        FakeSettingsDecrypter.server("registry.example.com", "ci", "{enc-a}"),
        FakeSettingsDecrypter.server("localhost:5000", "dev", "{enc-b}")), decrypter);

    assertEquals("secret-a", servers.get("registry.example.com").password(), "decrypted");
    assertEquals("secret-b", servers.get("localhost:5000").password(), "decrypted");
    assertEquals(Map.of(
        "registry.example.com",
        new RegistryAuth("ci", "secret-a", "settings.xml server 'registry.example.com'"),
        "localhost:5000",
        new RegistryAuth("dev", "secret-b", "settings.xml server 'localhost:5000'")), servers);
  }

  @Test
  void aServerWithoutUsernameOrPasswordIsNoRegistryCredential() throws Exception {
    Server keyOnly = FakeSettingsDecrypter.server("deploy", null, null);
    keyOnly.setPrivateKey("~/.ssh/id_ed25519");
    FakeSettingsDecrypter decrypter = new FakeSettingsDecrypter();

    Map<String, RegistryAuth> servers = SettingsCredentials.read(settings(
        keyOnly,
        FakeSettingsDecrypter.server("user-only", "ci", null),
        FakeSettingsDecrypter.server("registry.example.com", "ci", "plain")), decrypter);

    assertEquals(List.of("registry.example.com"), List.copyOf(servers.keySet()));
    assertEquals(List.of("registry.example.com"), decrypter.decryptedServerIds,
        "only servers with a username and a password are decrypted");
  }

  @Test
  void noSettingsMeansNoServers() throws Exception {
    assertEquals(Map.of(), SettingsCredentials.read(null, new FakeSettingsDecrypter()));
  }

  @Test
  void aPasswordThatCannotBeDecryptedIsAMistakeInTheServers() {
    FakeSettingsDecrypter decrypter =
        new FakeSettingsDecrypter().fails("{broken}", SettingsProblem.Severity.ERROR);
    Settings settings = settings(
        FakeSettingsDecrypter.server("registry.example.com", "ci", "{broken}"));

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> new MavenCredentials(settings, decrypter));

    assertEquals(Setting.CREDENTIAL_SERVERS, e.setting());
    String message = SettingNames.render(e.getMessage());
    assertTrue(message.startsWith("settings.xml <server>: the password of the server"
        + " 'registry.example.com' cannot be decrypted (Failed to decrypt password for server"
        + " registry.example.com: bad master password)."), message);
    assertTrue(message.contains("mvn --encrypt-password"), message);
  }

  @Test
  void aDecryptionWarningIsNotAFailure() throws Exception {
    FakeSettingsDecrypter decrypter = new FakeSettingsDecrypter()
        .decrypts("{enc}", "secret")
        .fails("{enc}", SettingsProblem.Severity.WARNING);

    Map<String, RegistryAuth> servers = SettingsCredentials.read(
        settings(FakeSettingsDecrypter.server("registry.example.com", "ci", "{enc}")), decrypter);

    assertEquals("secret", servers.get("registry.example.com").password());
  }

  @Test
  void anImagesSourcesAreItsAuthItsHelperAndEveryServer() throws Exception {
    MavenCredentials credentials = new MavenCredentials(
        settings(FakeSettingsDecrypter.server("registry.example.com", "ci", "{enc}")),
        new FakeSettingsDecrypter().decrypts("{enc}", "secret"));

    CredentialSources target =
        credentials.forImage(auth("pusher", "token"), Setting.TO_AUTH, "ecr-login");
    CredentialSources base = credentials.forImage(null, Setting.FROM_AUTH, "  ");

    assertEquals("secret", target.servers().get("registry.example.com").password());
    assertEquals(Optional.of(new RegistryAuth("pusher", "token", "<to><auth>")), target.explicit());
    assertEquals(Optional.of("ecr-login"), target.credHelper());
    assertEquals(Optional.empty(), base.explicit());
    assertEquals(Optional.empty(), base.credHelper(), "a blank helper is none");
    Map<String, RegistryAuth> servers = Map.of("registry.example.com",
        new RegistryAuth("ci", "secret", "settings.xml server 'registry.example.com'"));
    assertEquals(servers, target.servers());
    assertEquals(servers, base.servers());
  }

  @Test
  void anAuthWithAUsernameButNoPasswordIsRefusedWhereItWasGiven() throws Exception {
    MavenCredentials credentials = new MavenCredentials(settings(), new FakeSettingsDecrypter());

    InvalidConfigurationException to = assertThrows(InvalidConfigurationException.class,
        () -> credentials.forImage(auth("pusher", null), Setting.TO_AUTH, null));
    InvalidConfigurationException from = assertThrows(InvalidConfigurationException.class,
        () -> credentials.forImage(auth("puller", null), Setting.FROM_AUTH, null));

    assertEquals(Setting.TO_AUTH, to.setting());
    assertEquals("<to><auth>: has a <username> but no <password>. Add the password, or remove"
        + " <auth>.", SettingNames.render(to.getMessage()));
    assertEquals(Setting.FROM_AUTH, from.setting());
    assertTrue(SettingNames.render(from.getMessage()).startsWith("<from><auth>: "));
  }
}
