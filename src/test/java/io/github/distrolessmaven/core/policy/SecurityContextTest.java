package io.github.distrolessmaven.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityContextTest {

  @Test
  void restrictedProfileForTheImagesUser() {
    String yaml = SecurityContext.forUser("65532:65532").yaml();
    for (String line : new String[] {
        "securityContext:",
        "  runAsNonRoot: true",
        "  runAsUser: 65532",
        "  runAsGroup: 65532",
        "  allowPrivilegeEscalation: false",
        "  readOnlyRootFilesystem: true",
        "  capabilities:\n    drop:\n      - ALL",
        "  seccompProfile:\n    type: RuntimeDefault"}) {
      assertTrue(yaml.contains(line + "\n"), "missing '" + line + "' in\n" + yaml);
    }
  }

  @Test
  void groupDefaultsToTheUidsOwn() {
    assertTrue(SecurityContext.forUser("1000").yaml().contains("  runAsGroup: 1000\n"));
    assertTrue(SecurityContext.forUser("1000:2000").yaml().contains("  runAsGroup: 2000\n"));
  }

  @Test
  void rootIsNotClaimedAsNonRoot() {
    assertTrue(SecurityContext.forUser("0:0").yaml().contains("  runAsNonRoot: false\n"));
  }

  @Test
  void runFlagsMatchTheContext() {
    assertEquals("--read-only --cap-drop=ALL --security-opt=no-new-privileges --user 65532:65532",
        SecurityContext.forUser("65532:65532").runFlags());
  }
}
