package io.github.distrolessmaven.core.jlink;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The modules a linked runtime holds: the user's complete list, or what {@code jdeps} finds the
 * application's classes and jars use, plus the modules that are loaded by name, which no class
 * reference shows, plus the user's additions.
 *
 * @param modules sorted, without duplicates
 * @param origin where the list came from, for the build's log
 */
public record RuntimeModules(List<String> modules, String origin) {

  /**
   * Loaded by name, never referenced by a class, so {@code jdeps} cannot see it: the SunEC
   * security provider (elliptic-curve keys and key agreement, which TLS to most servers needs),
   * a module of its own before JDK 22 and part of {@code java.base} since.
   */
  static final String ELLIPTIC_CURVES = "jdk.crypto.ec";

  /** @param modules copied */
  public RuntimeModules {
    modules = List.copyOf(modules);
  }

  /**
   * The modules the user listed, all of them: nothing is looked for.
   */
  public static RuntimeModules listed(List<String> modules, List<String> additions) {
    TreeSet<String> all = new TreeSet<>(modules);
    all.addAll(additions);
    return new RuntimeModules(new ArrayList<>(all), Setting.JLINK_MODULES.element()
        + (additions.isEmpty() ? "" : " and " + Setting.JLINK_ADD_MODULES.element()));
  }

  /**
   * What {@code jdeps} of {@code jdk} finds the application uses, with the modules loaded by
   * name and {@code additions}.
   *
   * @param application the compiled classes (a folder) or the project's jar
   * @param libraries the runtime classpath's jars and folders
   * @param release the release the project is compiled for: multi-release jars are read as
   *     it sees them
   */
  public static RuntimeModules detected(Jdk jdk, Path application, List<Path> libraries,
      int release, List<String> additions) throws ImageBuildException {
    List<String> arguments = new ArrayList<>(List.of("--print-module-deps",
        "--ignore-missing-deps", "--multi-release", String.valueOf(release)));
    List<String> classpath = new ArrayList<>();
    for (Path library : libraries) {
      classpath.add(library.toString());
    }
    if (!classpath.isEmpty()) {
      arguments.add("--class-path");
      arguments.add(String.join(java.io.File.pathSeparator, classpath));
    }
    if (Files.exists(application)) {
      arguments.add(application.toString());
    }
    arguments.addAll(classpath);
    JdkTools.Result result;
    try {
      result = JdkTools.run(jdk, "jdeps", arguments);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot run jdeps of " + jdk.home() + ": " + e.getMessage(),
          e);
    }
    String out = result.out().trim();
    if (result.exit() != 0 || out.isEmpty()) {
      throw new ImageBuildException("jdeps of " + jdk.home() + " could not tell the modules the"
          + " application uses (exit " + result.exit() + "): " + (result.err() + " " + out).trim()
          + ". List them yourself in " + Setting.JLINK_MODULES.element() + ".");
    }
    TreeSet<String> modules = new TreeSet<>();
    for (String module : out.lines().reduce((first, second) -> second).orElse("").split(",")) {
      if (!module.isBlank()) {
        modules.add(module.trim());
      }
    }
    modules.add("java.base");
    String origin = "jdeps";
    if (jdk.feature() < 22) {
      modules.add(ELLIPTIC_CURVES);
      origin += ", " + ELLIPTIC_CURVES + " (loaded by name)";
    }
    if (!additions.isEmpty()) {
      modules.addAll(additions);
      origin += ", " + Setting.JLINK_ADD_MODULES.element();
    }
    return new RuntimeModules(new ArrayList<>(modules), origin);
  }
}
