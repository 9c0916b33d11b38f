package io.github.distrolessmaven.core.mainclass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user may write in {@code <mainClass>}. */
class JavaNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "com.example.App", "App", "a.b$C", "$", "_App", "com.example.Outer$Inner",
      "été.Café", "record.var.yield.App", "com.example.App2"})
  void valid(String name) {
    assertTrue(JavaNames.isValidBinaryClassName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "com..App", "1abc", "com.example.", ".App", "class", "int", "com.class.App",
      "com.exa mple.App", "com/example/App", "com.example.App.java ", "_", "null", "a.true",
      "com-example.App", "App\u0000", "."})
  void invalid(String name) {
    assertFalse(JavaNames.isValidBinaryClassName(name), name);
  }

  @Test
  void nullIsInvalid() {
    assertFalse(JavaNames.isValidBinaryClassName(null));
  }
}
