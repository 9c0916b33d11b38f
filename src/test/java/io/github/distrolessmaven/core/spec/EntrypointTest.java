package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exec-form java command line. */
class EntrypointTest {

  @Test
  void javaFlagsClasspathAndMainInOrder() {
    List<String> entrypoint =
        Entrypoint.java(
            Entrypoint.JAVA,
            List.of("-Xmx256m", "-XX:+UseZGC"),
            List.of("/app/resources", "/app/classes", "/app/libs/a-1.0.jar", "/app/libs/b-2.0.jar"),
            "com.example.App");

    assertEquals(
        List.of(
            "/usr/bin/java",
            "-Xmx256m",
            "-XX:+UseZGC",
            "-cp",
            "/app/resources:/app/classes:/app/libs/a-1.0.jar:/app/libs/b-2.0.jar",
            "com.example.App"),
        entrypoint);
  }

  @Test
  void noFlags() {
    assertEquals(
        List.of("/usr/bin/java", "-cp", "/app/classes", "App"),
        Entrypoint.java(Entrypoint.JAVA, List.of(), List.of("/app/classes"), "App"));
  }
}
