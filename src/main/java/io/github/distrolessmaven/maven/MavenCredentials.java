package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.auth.DockerConfigFile;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The machine's credentials (settings.xml servers, decrypted; the docker config.json, checked),
 * combined per image with the POM's {@code <auth>} and {@code <credHelper>}.
 */
final class MavenCredentials {

  private final Map<String, RegistryAuth> servers;
  private final Optional<Path> dockerConfig;

  MavenCredentials(Settings settings, SettingsDecrypter decrypter)
      throws InvalidConfigurationException {
    this.servers = SettingsCredentials.read(settings, decrypter);
    this.dockerConfig =
        DockerConfigFile.locate(System.getenv(), Path.of(System.getProperty("user.home")));
    if (dockerConfig.isPresent()) {
      DockerConfigFile.check(dockerConfig.get());
    }
  }

  /**
   * @param auth the POM's {@code <auth>} for this image, or null
   * @param setting where it was configured, e.g. {@code <to><auth>}
   * @param credHelper the POM's {@code <credHelper>} for this image, or null
   */
  CredentialSources forImage(AuthParameters auth, Setting setting, String credHelper)
      throws InvalidConfigurationException {
    Optional<RegistryAuth> explicit = Optional.empty();
    if (auth != null && auth.isSet()) {
      if (auth.getPassword() == null) {
        throw new InvalidConfigurationException(
            setting, "has a <username> but no <password>. Add the password, or remove <auth>.");
      }
      explicit = Optional.of(new RegistryAuth(auth.getUsername(), auth.getPassword(),
          SettingNames.of(setting).element()));
    }
    return new CredentialSources(
        explicit,
        Optional.ofNullable(credHelper).filter(helper -> !helper.isBlank()),
        servers,
        dockerConfig);
  }
}
