package io.github.distrolessmaven.core.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaRuntimeTest {

  @Test
  void readsVersionAndImplementorOfAReleaseFile() {
    String release =
        "IMPLEMENTOR=\"Eclipse Adoptium\"\n"
            + "IMPLEMENTOR_VERSION=\"Temurin-21.0.8+9\"\n"
            + "JAVA_RUNTIME_VERSION=\"21.0.8+9-LTS\"\n"
            + "JAVA_VERSION=\"21.0.8\"\n"
            + "MODULES=\"java.base java.logging\"\n";

    assertEquals(
        Optional.of(
            new JavaRuntime("/opt/java/openjdk", "21.0.8", Optional.of("Eclipse Adoptium"))),
        JavaRuntime.parseRelease("/opt/java/openjdk", release));
  }

  @Test
  void acceptsUnquotedValuesAndAMissingImplementor() {
    assertEquals(
        Optional.of(new JavaRuntime("/usr/lib/jvm/jre", "17.0.16", Optional.empty())),
        JavaRuntime.parseRelease("/usr/lib/jvm/jre", "JAVA_VERSION=17.0.16\r\n"));
  }

  @Test
  void isEmptyWithoutJavaVersion() {
    assertEquals(
        Optional.empty(),
        JavaRuntime.parseRelease(
            "/opt/x", "IMPLEMENTOR=\"Someone\"\nJAVA_RUNTIME_VERSION=\"1\"\n"));
  }
}
