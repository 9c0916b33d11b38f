package io.github.distrolessmaven.core.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndOfLifeBasesTest {

  @ParameterizedTest
  @CsvSource({
      "gcr.io/distroless/java17-debian12:nonroot, gcr.io/distroless/java17-debian13:nonroot",
      "gcr.io/distroless/java21-debian12, gcr.io/distroless/java21-debian13:latest",
      "gcr.io/distroless/java11-debian11:nonroot, gcr.io/distroless/java17-debian13:nonroot",
      "gcr.io/distroless/static-debian12:nonroot, gcr.io/distroless/static-debian13:nonroot",
      "gcr.io/distroless/base-debian12, gcr.io/distroless/base-debian13:latest",
      "gcr.io/distroless/base-nossl-debian12, gcr.io/distroless/base-nossl-debian13:latest",
      "gcr.io/distroless/cc-debian12:debug-nonroot, gcr.io/distroless/cc-debian13:nonroot",
      "gcr.io/distroless/static-debian11, gcr.io/distroless/static-debian13:latest",
      "gcr.io/distroless/java-base-debian12, gcr.io/distroless/java-base-debian13:latest",
      "gcr.io/distroless/java:11, gcr.io/distroless/java21-debian13:latest",
      "gcr.io/distroless/java, gcr.io/distroless/java21-debian13:latest",
  })
  void endOfLifeBasesNameTheirDebian13Replacement(String base, String replacement) {
    assertEquals(Optional.of(replacement), EndOfLifeBases.replacementFor(base));
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> EndOfLifeBases.check(base, false));
    assertEquals(Setting.FROM_IMAGE, e.setting());
    assertTrue(e.getMessage().contains(replacement), e.getMessage());
    assertTrue(e.getMessage().contains(Setting.ALLOW_END_OF_LIFE_BASE.element("true")), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "gcr.io/distroless/java21-debian13:nonroot",
      "gcr.io/distroless/static-debian13",
      "gcr.io/distroless/static:nonroot",
      "gcr.io/distroless/python3-debian12",
      "registry.example.com/distroless/java17-debian12",
      "eclipse-temurin:21-jre",
      "gcr.io/distroless/java17-debian13@sha256:0000000000000000000000000000000000000000000000000000000000000000",
  })
  void currentAndForeignBasesPass(String base) {
    assertEquals(Optional.empty(), EndOfLifeBases.replacementFor(base));
    assertDoesNotThrow(() -> EndOfLifeBases.check(base, false));
  }

  @Test
  void allowEndOfLifeBaseLetsItThrough() {
    assertDoesNotThrow(() -> EndOfLifeBases.check("gcr.io/distroless/java17-debian12", true));
  }
}
