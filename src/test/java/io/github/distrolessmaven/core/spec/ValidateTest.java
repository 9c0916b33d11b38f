package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Shared checks on paths, variable names, label keys and modes. */
class ValidateTest {

  private static final Setting ELEMENT = Setting.CONTAINER_APP_ROOT;

  @ParameterizedTest
  @CsvSource({"/app, /app", "/app/, /app", "/, /", "/srv/my app/x, /srv/my app/x",
      "' /app ', /app"})
  void absolutePathIsAcceptedWithoutTrailingSlash(String value, String expected)
      throws InvalidConfigurationException {
    assertEquals(expected, Validate.absoluteUnixPath(value, ELEMENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "./app", "", "C:\\app", "/app\\bin", "/app/../etc", "/app/./x",
      "/..", "~/app"})
  void nonAbsoluteOrUnsafePathIsRefused(String value) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> Validate.absoluteUnixPath(value, ELEMENT));

    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
  }

  @Test
  void nullPathIsRefused() {
    assertThrows(
        InvalidConfigurationException.class, () -> Validate.absoluteUnixPath(null, ELEMENT));
  }

  @Test
  void validEnvironmentNamesPass() throws InvalidConfigurationException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("A", "1");
    environment.put("_A1", "");
    environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
    environment.put("lower_case", "x");

    Validate.environment(environment, ELEMENT);

    assertEquals(4, environment.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1A", "A-B", "", "A B", "A=B", "Ä"})
  void invalidEnvironmentNameIsRefused(String name) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> Validate.environment(Map.of("OK", "1", name, "v"), ELEMENT));

    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("'" + name + "' is not a valid variable name"),
        e.getMessage());
  }

  @Test
  void environmentVariableWithoutValueIsRefused() {
    Map<String, String> environment = new HashMap<>();
    environment.put("EMPTY_ELEMENT", null);

    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> Validate.environment(environment, ELEMENT));

    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("'EMPTY_ELEMENT' has no value"), e.getMessage());
  }

  @Test
  void validLabelKeysPass() throws InvalidConfigurationException {
    Map<String, String> labels =
        Map.of("com.example.team", "a", "org.opencontainers.image.title", "b", "a/b_c-d", "c",
            "1x", "d");

    Validate.labels(labels, ELEMENT);

    assertEquals(4, labels.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".hidden", "-x", "a b", "key=value", "ünicode"})
  void invalidLabelKeyIsRefused(String key) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> Validate.labels(Map.of(key, "v"), ELEMENT));

    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("'" + key + "' is not a valid label key"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"755, 493", "644, 420", "600, 384", "' 700 ', 448", "000, 0", "0755, 493", "4755, 2541"})
  void octalModeIsParsedAsOctal(String value, int expected) throws InvalidConfigurationException {
    assertEquals(expected, Validate.octalMode(value, ELEMENT));
  }

  @Test
  void octalModeValuesMatchJavaOctalLiterals() throws InvalidConfigurationException {
    assertEquals(0755, Validate.octalMode("755", ELEMENT));
    assertEquals(0644, Validate.octalMode("644", ELEMENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"77777", "888", "75", "rwx", "", "07558", "-755"})
  void invalidModeIsRefused(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> Validate.octalMode(value, ELEMENT));

    assertEquals(ELEMENT, e.setting());
    assertTrue(e.getMessage().contains("three octal digits"), e.getMessage());
  }
}
