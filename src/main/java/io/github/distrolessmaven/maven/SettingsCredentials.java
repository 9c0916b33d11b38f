package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * settings.xml {@code <server>} entries, by id, with their passwords decrypted as Maven does;
 * a registry's credentials are the server whose id is the registry host.
 */
final class SettingsCredentials {

  private SettingsCredentials() {}

  static Map<String, RegistryAuth> read(Settings settings, SettingsDecrypter decrypter)
      throws InvalidConfigurationException {
    Map<String, RegistryAuth> servers = new LinkedHashMap<>();
    if (settings == null) {
      return servers;
    }
    for (Server server : settings.getServers()) {
      if (server.getUsername() == null || server.getPassword() == null) {
        continue;
      }
      SettingsDecryptionResult result =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new InvalidConfigurationException(
              Setting.CREDENTIAL_SERVERS,
              "the password of the server '" + server.getId() + "' cannot be decrypted (" + problem.getMessage() + "). Re-encrypt it"
                  + " with 'mvn --encrypt-password', or check ~/.m2/settings-security.xml.");
        }
      }
      Server decrypted = result.getServer();
      servers.put(server.getId(), new RegistryAuth(
          decrypted.getUsername(), decrypted.getPassword(),
          "settings.xml server '" + server.getId() + "'"));
    }
    return servers;
  }
}
