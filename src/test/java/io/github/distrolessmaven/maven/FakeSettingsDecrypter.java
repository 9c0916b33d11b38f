package io.github.distrolessmaven.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Maven's password decryption for a test: a password it knows becomes its clear text, one it is
 * told to fail on yields a problem of the given severity, any other is returned as it is.
 */
final class FakeSettingsDecrypter implements SettingsDecrypter {

  private final Map<String, String> clearTexts = new HashMap<>();
  private final Map<String, SettingsProblem.Severity> failures = new HashMap<>();
  final List<String> decryptedServerIds = new ArrayList<>();

  FakeSettingsDecrypter decrypts(String encrypted, String clearText) {
    clearTexts.put(encrypted, clearText);
    return this;
  }

  FakeSettingsDecrypter fails(String encrypted, SettingsProblem.Severity severity) {
    failures.put(encrypted, severity);
    return this;
  }

  @Override
  public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
    List<Server> servers = new ArrayList<>();
    List<SettingsProblem> problems = new ArrayList<>();
    for (Server server : request.getServers()) {
      decryptedServerIds.add(server.getId());
      Server decrypted = server.clone();
      String password = server.getPassword();
      if (failures.containsKey(password)) {
        problems.add(new DefaultSettingsProblem("Failed to decrypt password for server "
            + server.getId() + ": bad master password", failures.get(password),
            "server: " + server.getId(), -1, -1, null));
      }
      decrypted.setPassword(clearTexts.getOrDefault(password, password));
      servers.add(decrypted);
    }
    List<Proxy> proxies = new ArrayList<>();
    for (Proxy proxy : request.getProxies()) {
      Proxy decrypted = proxy.clone();
      String password = proxy.getPassword();
      if (failures.containsKey(password)) {
        problems.add(new DefaultSettingsProblem("Failed to decrypt password for proxy "
            + proxy.getId() + ": bad master password", failures.get(password),
            "proxy: " + proxy.getId(), -1, -1, null));
      }
      decrypted.setPassword(clearTexts.getOrDefault(password, password));
      proxies.add(decrypted);
    }
    return new SettingsDecryptionResult() {
      @Override public Server getServer() { return servers.isEmpty() ? null : servers.get(0); }
      @Override public List<Server> getServers() { return servers; }
      @Override public Proxy getProxy() { return proxies.isEmpty() ? null : proxies.get(0); }
      @Override public List<Proxy> getProxies() { return proxies; }
      @Override public List<SettingsProblem> getProblems() { return problems; }
    };
  }

  static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }
}
