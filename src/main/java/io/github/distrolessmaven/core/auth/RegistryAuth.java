package io.github.distrolessmaven.core.auth;

/**
 * A username and password for one registry, and where they came from (for the log, never the
 * password itself).
 *
 * @param username the user name
 * @param password the password or token
 * @param origin where the user configured it, e.g. {@code <to><auth>} or {@code settings.xml server 'host'}
 */
public record RegistryAuth(String username, String password, String origin) {

  /** Never shows the password. */
  @Override
  public String toString() {
    return "RegistryAuth[username=" + username + ", password=***, origin=" + origin + "]";
  }
}
