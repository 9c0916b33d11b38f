package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JibBuildTest {

  @Test
  void jibCoreMayAskInsecurelyWhereAllowed() {
    assertTrue(JibBuild.insecureAllowed(true, List.of("registry.example.com")));
  }

  @Test
  void jibCoreMayAskInsecurelyWhenEveryRegistryItAsksIsOnThisMachine() {
    assertTrue(JibBuild.insecureAllowed(false, List.of("127.0.0.1:15000", "localhost:5000")));
  }

  @Test
  void oneRegistryElsewhereKeepsJibCoreOnVerifiedTls() {
    assertFalse(JibBuild.insecureAllowed(false, List.of("127.0.0.1:15000", "gcr.io")));
    assertFalse(JibBuild.insecureAllowed(false, List.of()));
  }
}
