package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.List;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;

class SettingsProxiesTest {

  private final Properties system = new Properties();
  private final FakeSettingsDecrypter decrypter =
      new FakeSettingsDecrypter().decrypts("{encrypted}", "proxy-secret");

  private static Proxy proxy(String id, String protocol, String host, int port, boolean active) {
    Proxy proxy = new Proxy();
    proxy.setId(id);
    proxy.setProtocol(protocol);
    proxy.setHost(host);
    proxy.setPort(port);
    proxy.setActive(active);
    return proxy;
  }

  private static Settings settings(Proxy... proxies) {
    Settings settings = new Settings();
    for (Proxy proxy : proxies) {
      settings.addProxy(proxy);
    }
    return settings;
  }

  @Test
  void anActiveProxyOfEachSchemeBecomesTheJvmsWithItsDecryptedCredentials() throws Exception {
    Proxy secure = proxy("corp-s", "https", "proxy.corp", 3129, true);
    secure.setUsername("builder");
    secure.setPassword("{encrypted}");
    secure.setNonProxyHosts("*.corp,localhost");

    List<String> lines = SettingsProxies.activate(settings(
        proxy("off", "http", "old.corp", 1, false), proxy("corp", "http", "proxy.corp", 3128, true),
        secure), decrypter, system);

    assertEquals("proxy.corp", system.getProperty("http.proxyHost"));
    assertEquals("3128", system.getProperty("http.proxyPort"));
    assertNull(system.getProperty("http.proxyUser"));
    assertEquals("proxy.corp", system.getProperty("https.proxyHost"));
    assertEquals("3129", system.getProperty("https.proxyPort"));
    assertEquals("builder", system.getProperty("https.proxyUser"));
    assertEquals("proxy-secret", system.getProperty("https.proxyPassword"));
    assertEquals("*.corp|localhost", system.getProperty("http.nonProxyHosts"));
    assertEquals("", system.getProperty("jdk.http.auth.tunneling.disabledSchemes"),
        "the JDK may send Basic credentials to the proxy that tunnels HTTPS");
    assertEquals(2, lines.size());
    assertTrue(lines.stream().noneMatch(line -> line.contains("secret")), lines.toString());
  }

  @Test
  void oneHttpProxyServesHttpsTooAsInMaven() throws Exception {
    SettingsProxies.activate(settings(proxy("corp", "http", "proxy.corp", 3128, true)),
        decrypter, system);

    assertEquals("proxy.corp", system.getProperty("https.proxyHost"));
    assertEquals("3128", system.getProperty("https.proxyPort"));
  }

  @Test
  void propertiesSetOnTheCommandLineWin() throws Exception {
    system.setProperty("https.proxyHost", "cli.proxy");

    SettingsProxies.activate(settings(proxy("corp", "https", "proxy.corp", 3128, true)),
        decrypter, system);

    assertEquals("cli.proxy", system.getProperty("https.proxyHost"));
    assertNull(system.getProperty("https.proxyPort"));
  }

  @Test
  void noActiveProxyChangesNothing() throws Exception {
    SettingsProxies.activate(settings(proxy("off", "http", "proxy.corp", 3128, false)),
        decrypter, system);
    SettingsProxies.activate(null, decrypter, system);

    assertTrue(system.isEmpty());
  }

  @Test
  void aProxyPasswordThatCannotBeDecryptedIsRefusedNamingTheProxy() {
    Proxy proxy = proxy("corp", "http", "proxy.corp", 3128, true);
    proxy.setUsername("builder");
    proxy.setPassword("{broken}");
    decrypter.fails("{broken}", SettingsProblem.Severity.ERROR);

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> SettingsProxies.activate(settings(proxy), decrypter, system));

    assertTrue(e.getMessage().contains("settings.xml proxy 'corp' cannot be decrypted"),
        e.getMessage());
    assertFalse(e.getMessage().contains("{broken}"));
    assertNull(system.getProperty("http.proxyHost"), "nothing half-set");
  }
}
