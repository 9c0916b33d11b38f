package io.github.distrolessmaven.core.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileModesTest {

  private static final Setting ELEMENT = Setting.PERMISSION_MODE;

  @ParameterizedTest
  @ValueSource(ints = {04755, 02755, 06755, 04700})
  void setuidAndSetgidAreRefused(int mode) {
    InvalidConfigurationException e = assertThrows(
        InvalidConfigurationException.class, () -> FileModes.check("/app/bin/*", mode, ELEMENT));
    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("setuid or setgid") && e.getMessage().contains("/app/bin/*"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {01755, 01777})
  void theStickyBitIsRefused(int mode) {
    InvalidConfigurationException e = assertThrows(
        InvalidConfigurationException.class, () -> FileModes.check("/app/x", mode, ELEMENT));
    assertTrue(e.getMessage().contains("sticky bit"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0666, 0777, 0602, 0646})
  void worldWritableIsRefused(int mode) {
    InvalidConfigurationException e = assertThrows(
        InvalidConfigurationException.class, () -> FileModes.check("/app/data", mode, ELEMENT));
    assertTrue(e.getMessage().contains("writable by every user"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0644, 0755, 0600, 0700, 0664, 0775, 0400})
  void ordinaryModesPass(int mode) {
    assertDoesNotThrow(() -> FileModes.check("/app/x", mode, ELEMENT));
  }
}
