package io.github.distrolessmaven.core.mainclass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources given as text, for tests that need real class files. */
public final class JavaSources {

  private JavaSources() {}

  /**
   * @param sourceDir where the sources are written, by their relative path
   * @param classesDir where javac puts the classes
   * @param sources relative path (e.g. {@code com/example/App.java}) to source text
   * @param options more javac options, e.g. {@code --release 8}
   */
  public static void compile(
      Path sourceDir, Path classesDir, Map<String, String> sources, String... options)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests need a JDK, not a JRE");
    List<String> args = new ArrayList<>(List.of("-d", classesDir.toString(), "-nowarn"));
    args.addAll(Arrays.asList(options));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, err, err, args.toArray(String[]::new));
    assertEquals(0, rc, () -> "javac failed:\n" + err.toString(StandardCharsets.UTF_8));
  }
}
