package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The active settings.xml {@code <proxies>}, made the JVM's standard proxy properties ({@code
 * http.proxyHost}, {@code https.proxyHost}, their ports, users and passwords, {@code
 * http.nonProxyHosts}), which both the plugin's registry client and jib-core follow, as
 * jib-maven-plugin does. Properties already set (on the command line, in {@code MAVEN_OPTS})
 * win: a scheme that has a proxy host is left alone.
 *
 * <p>For each scheme the active proxy of that {@code <protocol>} is taken, else the first
 * active proxy: Maven itself sends HTTPS requests through an {@code http} proxy.
 */
final class SettingsProxies {

  private static final List<String> SCHEMES = List.of("http", "https");
  private static final String TUNNELING_DISABLED = "jdk.http.auth.tunneling.disabledSchemes";

  private SettingsProxies() {}

  /**
   * @param system the properties to set, the JVM's in a build
   * @return one line per scheme whose proxy was set, for the debug log (no password)
   * @throws InvalidConfigurationException when a proxy's password cannot be decrypted
   */
  static List<String> activate(Settings settings, SettingsDecrypter decrypter, Properties system)
      throws InvalidConfigurationException {
    List<String> set = new ArrayList<>();
    if (settings == null) {
      return set;
    }
    List<Proxy> active = settings.getProxies().stream().filter(Proxy::isActive).toList();
    for (String scheme : SCHEMES) {
      if (system.getProperty(scheme + ".proxyHost") != null) {
        continue;
      }
      Optional<Proxy> chosen = active.stream()
          .filter(proxy -> scheme.equalsIgnoreCase(proxy.getProtocol())).findFirst()
          .or(() -> active.stream().findFirst());
      if (chosen.isEmpty() || chosen.get().getHost() == null) {
        continue;
      }
      Proxy proxy = decrypted(chosen.get(), decrypter);
      system.setProperty(scheme + ".proxyHost", proxy.getHost());
      system.setProperty(scheme + ".proxyPort", String.valueOf(proxy.getPort()));
      if (proxy.getUsername() != null && proxy.getPassword() != null) {
        system.setProperty(scheme + ".proxyUser", proxy.getUsername());
        system.setProperty(scheme + ".proxyPassword", proxy.getPassword());
        if (scheme.equals("https") && system.getProperty(TUNNELING_DISABLED) == null) {
          // The JDK refuses Basic credentials to a proxy it tunnels HTTPS through, unless told
          // otherwise before its first HTTPS request through a proxy.
          system.setProperty(TUNNELING_DISABLED, "");
        }
      }
      if (proxy.getNonProxyHosts() != null && system.getProperty("http.nonProxyHosts") == null) {
        // Maven separates them with '|' or ','; the JDK with '|' only.
        system.setProperty("http.nonProxyHosts", proxy.getNonProxyHosts().replace(',', '|'));
      }
      set.add(scheme + " requests go through the settings.xml proxy '" + proxy.getId() + "' ("
          + proxy.getHost() + ":" + proxy.getPort() + ")");
    }
    return set;
  }

  private static Proxy decrypted(Proxy proxy, SettingsDecrypter decrypter)
      throws InvalidConfigurationException {
    if (proxy.getPassword() == null) {
      return proxy;
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new InvalidConfigurationException(Setting.CREDENTIAL_SERVERS, "the password of the"
            + " settings.xml proxy '" + proxy.getId() + "' cannot be decrypted ("
            + problem.getMessage() + "). Re-encrypt it with 'mvn --encrypt-password', or check"
            + " ~/.m2/settings-security.xml.");
      }
    }
    return result.getProxy() != null ? result.getProxy() : proxy;
  }
}
