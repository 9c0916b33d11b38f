package io.github.distrolessmaven.core.jlink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * Runs a JDK's tool ({@code jdeps}, {@code jlink}): in this JVM through its {@link
 * ToolProvider} when the build runs on that JDK, else as the JDK's own command, since a tool
 * reads the classes and modules of its own JDK's version.
 */
final class JdkTools {

  /** What a tool said, and how it ended. */
  record Result(int exit, String out, String err) {}

  private JdkTools() {}

  static Result run(Jdk jdk, String tool, List<String> arguments) throws IOException {
    Optional<ToolProvider> provider = jdk.isRunning() ? ToolProvider.findFirst(tool)
        : Optional.empty();
    if (provider.isPresent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit;
      try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        exit = provider.get().run(outStream, errStream, arguments.toArray(String[]::new));
      } catch (RuntimeException e) {
        // A tool in process may throw where its command would print and exit (jdeps does, for
        // a module it cannot resolve): the same failure, said the same way.
        return new Result(1, out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8) + e);
      }
      return new Result(exit, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
    List<String> command = new ArrayList<>();
    command.add(jdk.home().resolve("bin").resolve(tool).toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    // Both streams read side by side: a tool that fills one pipe must not wait on the other.
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errors = new Thread(() -> {
      try {
        process.getErrorStream().transferTo(err);
      } catch (IOException e) {
        // The process ended; what was read is what it said.
      }
    }, "distroless-" + tool + "-stderr");
    errors.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int exit = process.waitFor();
      errors.join();
      return new Result(exit, out, err.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(tool + " was interrupted", e);
    }
  }
}
