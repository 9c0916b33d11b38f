package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

  @Test
  void aUserAndPasswordAreLeftOut() {
    assertEquals("https://git.example.com/team/app.git",
        UrlCredentials.strip("https://deploy:s3cr3t@git.example.com/team/app.git"));
    assertEquals("scm:git:https://git.example.com/team/app.git",
        UrlCredentials.strip("scm:git:https://deploy:s3cr3t@git.example.com/team/app.git"));
    assertEquals("ssh://git.example.com:2222/team/app.git",
        UrlCredentials.strip("ssh://deploy:s3cr3t@git.example.com:2222/team/app.git"));
  }

  @Test
  void aLoneTokenBeforeTheHostIsASecretOverHttp() {
    assertEquals("https://git.example.com/team/app",
        UrlCredentials.strip("https://ghp_abc123@git.example.com/team/app"));
    assertEquals("http://host:8080/x?y=1", UrlCredentials.strip("http://t0ken@host:8080/x?y=1"));
  }

  @Test
  void whatNamesNoSecretStays() {
    for (String url : new String[] {"https://example.com/team/app",
        "ssh://git@git.example.com/team/app.git", "git@git.example.com:team/app.git",
        "scm:git:git@git.example.com:team/app.git", "https://example.com/users/@me",
        "https://example.com/a?mail=me@example.com", "not a url", ""}) {
      assertEquals(url, UrlCredentials.strip(url), url);
    }
    assertNull(UrlCredentials.strip(null));
  }

  @Test
  void anAtInThePasswordIsPartOfTheSecret() {
    assertEquals("https://host/x", UrlCredentials.strip("https://user:p@ss@host/x"));
  }
}
