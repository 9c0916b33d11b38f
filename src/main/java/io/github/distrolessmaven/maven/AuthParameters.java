package io.github.distrolessmaven.maven;

/** {@code <auth>}: a username and password for the registry of {@code <from>} or {@code <to>}. */
public class AuthParameters {

  /** The registry user name. */
  private String username;

  /** The registry password or token. Prefer a settings.xml server with an encrypted password. */
  private String password;

  public AuthParameters() {}

  AuthParameters(String username, String password) {
    this.username = username;
    this.password = password;
  }

  String getUsername() {
    return username;
  }

  String getPassword() {
    return password;
  }

  boolean isSet() {
    return username != null && !username.isBlank();
  }
}
