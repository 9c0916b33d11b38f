package io.github.distrolessmaven.core.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseShellsTest {

  @Test
  void aBaseWithAShellIsRefusedNamingTheShellsAndTheWayOut() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> BaseShells.check("gcr.io/distroless/java21-debian13:debug",
            List.of("/busybox/sh", "/bin/sh"), false));
    assertEquals(Setting.FROM_IMAGE, e.setting());
    assertTrue(e.getMessage().contains("/busybox/sh, /bin/sh"), e.getMessage());
    assertTrue(e.getMessage().contains("gcr.io/distroless/java21-debian13:debug"), e.getMessage());
    assertTrue(e.getMessage().contains(Setting.ALLOW_SHELL.element("true")), e.getMessage());
  }

  @Test
  void allowShellLetsItThrough() {
    assertDoesNotThrow(() -> BaseShells.check("debian:13", List.of("/bin/sh"), true));
  }

  @Test
  void aBaseWithoutAShellPasses() {
    assertDoesNotThrow(() -> BaseShells.check("gcr.io/distroless/java21-debian13", List.of(), false));
  }
}
