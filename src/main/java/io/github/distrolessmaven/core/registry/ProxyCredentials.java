package io.github.distrolessmaven.core.registry;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URL;

/**
 * Credentials for the proxy a registry request goes through, from the standard properties:
 * {@code http.proxyUser} and {@code http.proxyPassword} for the proxy of plain-HTTP requests,
 * {@code https.proxyUser} and {@code https.proxyPassword} for that of HTTPS ones, given only to
 * the host the matching {@code proxyHost} names. The proxy itself is chosen by the JDK from
 * {@code http.proxyHost}, {@code https.proxyHost} and {@code http.nonProxyHosts}. Set on each
 * connection, never as the JVM's default.
 */
final class ProxyCredentials extends Authenticator {

  static final ProxyCredentials INSTANCE = new ProxyCredentials();

  private ProxyCredentials() {}

  @Override
  protected PasswordAuthentication getPasswordAuthentication() {
    if (getRequestorType() != RequestorType.PROXY) {
      return null;
    }
    URL url = getRequestingURL();
    String scheme = url == null ? "http" : url.getProtocol();
    String host = System.getProperty(scheme + ".proxyHost");
    String user = System.getProperty(scheme + ".proxyUser");
    String password = System.getProperty(scheme + ".proxyPassword");
    if (host == null || user == null || password == null
        || !host.equalsIgnoreCase(getRequestingHost())) {
      return null;
    }
    return new PasswordAuthentication(user, password.toCharArray());
  }
}
