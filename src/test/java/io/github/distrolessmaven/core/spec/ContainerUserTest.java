package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The container user: numeric, and never root by accident. */
class ContainerUserTest {

  @Test
  void defaultIsDistrolessNonroot() throws InvalidConfigurationException {
    assertEquals("65532:65532", ContainerUser.resolve(null, false));
    assertEquals("65532:65532", ContainerUser.resolve("  ", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000", "1000:1000", "1000:0", "65532:65532"})
  void numericUserIsKept(String user) throws InvalidConfigurationException {
    assertEquals(user, ContainerUser.resolve(user, false));
    assertEquals(user, ContainerUser.resolve(" " + user + " ", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "root", "0:0", "000", "0:1000", "root:root"})
  void rootIsRefusedUnlessAllowed(String user) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> ContainerUser.resolve(user, false));

    assertEquals(Setting.CONTAINER_USER, e.setting());
    assertTrue(e.getMessage().contains("allowRoot"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + user + "'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "root, 0", "0:0, 0:0", "0:1000, 0:1000", "root:root, 0:0", "root:10, 0:10"})
  void rootIsWrittenNumericallyWhenAllowed(String user, String expected)
      throws InvalidConfigurationException {
    String resolved = ContainerUser.resolve(user, true);

    assertEquals(expected, resolved);
    assertTrue(ContainerUser.isRoot(resolved));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonroot", "nonroot:nonroot", "1000:staff", "-1", "1000:", ":1000",
      "12345678901", "1 000"})
  void namesAndMalformedValuesAreRefused(String user) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> ContainerUser.resolve(user, false));

    assertEquals(Setting.CONTAINER_USER, e.setting());
    assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0:staff", "root:wheel"})
  void allowedRootStillNeedsANumericGroup(String user) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> ContainerUser.resolve(user, true));

    assertEquals(Setting.CONTAINER_USER, e.setting());
    assertTrue(e.getMessage().contains("'" + user + "' is not numeric"), e.getMessage());
  }

  @Test
  void isRootLooksAtTheUidOnly() {
    assertTrue(ContainerUser.isRoot("0"));
    assertTrue(ContainerUser.isRoot("00:1000"));
    assertFalse(ContainerUser.isRoot("1000:0"));
    assertFalse(ContainerUser.isRoot("10"));
    assertFalse(ContainerUser.isRoot(ContainerUser.DEFAULT));
  }
}
