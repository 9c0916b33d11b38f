package io.github.distrolessmaven.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Credentials never reach a log. */
class RegistryAuthTest {

  @Test
  void toStringHidesThePassword() {
    RegistryAuth auth = new RegistryAuth("alice", "s3cr3t-Token!", "<to><auth>");

    String shown = auth.toString();

    assertFalse(shown.contains("s3cr3t-Token!"), shown);
    assertTrue(shown.contains("alice"), shown);
    assertTrue(shown.contains("<to><auth>"), shown);
    assertEquals("s3cr3t-Token!", auth.password());
  }

  @Test
  void containersOfCredentialsDoNotLeakItEither() {
    RegistryAuth auth = new RegistryAuth("bob", "hunter2-pw", "settings.xml server 'gcr.io'");

    assertFalse(java.util.List.of(auth).toString().contains("hunter2-pw"));
    assertFalse(java.util.Map.of("gcr.io", auth).toString().contains("hunter2-pw"));
  }
}
