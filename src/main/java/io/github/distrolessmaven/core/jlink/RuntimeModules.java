package io.github.distrolessmaven.core.jlink;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
   * What the application needs, with the modules loaded by name and {@code additions}: what
   * {@code jdeps} of {@code jdk} finds the application's classes and its plain jars use, and
   * the JDK modules its modular jars require (their {@code module-info}, which jdeps would
   * resolve and fail on when one requires a module the classpath lacks). The plain jars' part
   * is remembered by their names, sizes and times: only the classes (the application's and
   * classes folders on the classpath) are read on every build.
   *
   * @param application the compiled classes (a folder) or the project's jar
   * @param libraries the runtime classpath's jars and folders
   * @param release the release the project is compiled for: multi-release jars are read as
   *     it sees them
   * @param cache where the jars' part is remembered
   */
  public static RuntimeModules detected(Jdk jdk, Path application, List<Path> libraries,
      int release, List<String> additions, Path cache) throws ImageBuildException {
    TreeSet<String> modules = new TreeSet<>();
    // Read on every build: the application's classes, and a reactor module's classes folder,
    // whose size and time do not change when a class in it does.
    List<Path> everyBuild = new ArrayList<>();
    if (Files.exists(application)) {
      everyBuild.add(application);
    }
    List<Path> plain = new ArrayList<>();
    for (Path library : libraries) {
      if (Files.isDirectory(library)) {
        everyBuild.add(library);
        continue;
      }
      Optional<ModuleDescriptor> descriptor = descriptor(library);
      if (descriptor.isEmpty()) {
        plain.add(library);
        continue;
      }
      for (ModuleDescriptor.Requires requires : descriptor.get().requires()) {
        if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
            && isJdkModule(requires.name())) {
          modules.add(requires.name());
        }
      }
    }
    if (!everyBuild.isEmpty()) {
      // The classes' own references only: the jars' part below follows theirs (jdeps would
      // otherwise walk every jar again on every build).
      modules.addAll(jdeps(jdk, everyBuild, libraries, release, false));
    }
    if (!plain.isEmpty()) {
      modules.addAll(librariesPart(jdk, plain, libraries, release, cache));
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

  /** What jdeps finds the plain jars use: remembered by the jars, the JDK and the release. */
  private static List<String> librariesPart(Jdk jdk, List<Path> plain, List<Path> classpath,
      int release, Path cache) throws ImageBuildException {
    StringBuilder key = new StringBuilder(jdk.home() + "\n" + jdk.release() + "\n" + release);
    try {
      for (Path library : plain) {
        key.append('\n').append(library).append(' ').append(Files.size(library)).append(' ')
            .append(Files.getLastModifiedTime(library).toMillis());
      }
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read the runtime classpath for jdeps: "
          + e.getMessage(), e);
    }
    Path remembered = cache.resolve("modules-"
        + Sha256.shortKey(key.toString()) + ".txt");
    try {
      if (Files.isRegularFile(remembered)) {
        return List.of(Files.readString(remembered, StandardCharsets.UTF_8).trim().split(","));
      }
      List<String> found = jdeps(jdk, plain, classpath, release, true);
      Files.createDirectories(cache);
      AtomicFiles.writeString(remembered, String.join(",", found));
      return found;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot remember the modules the jars use in " + remembered
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param recursive whether to follow the targets' references into the classpath's classes
   *     (what {@code --print-module-deps} does unless told not to)
   */
  private static List<String> jdeps(Jdk jdk, List<Path> targets, List<Path> classpath,
      int release, boolean recursive) throws ImageBuildException {
    List<String> arguments = new ArrayList<>(List.of("--print-module-deps",
        "--ignore-missing-deps", "--multi-release", String.valueOf(release)));
    if (!recursive) {
      arguments.add("--no-recursive");
    }
    if (!classpath.isEmpty()) {
      arguments.add("--class-path");
      arguments.add(String.join(java.io.File.pathSeparator,
          classpath.stream().map(Path::toString).toList()));
    }
    targets.forEach(target -> arguments.add(target.toString()));
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
    List<String> modules = new ArrayList<>();
    for (String module : out.lines().reduce((first, second) -> second).orElse("").split(",")) {
      if (!module.isBlank()) {
        modules.add(module.trim());
      }
    }
    return modules;
  }

  /** The module descriptor of a modular jar; empty for a plain jar, a folder or an automatic. */
  private static Optional<ModuleDescriptor> descriptor(Path library) {
    if (!Files.isRegularFile(library)) {
      return Optional.empty();
    }
    try {
      return ModuleFinder.of(library).findAll().stream().map(ModuleReference::descriptor)
          .filter(descriptor -> !descriptor.isAutomatic()).findFirst();
    } catch (FindException | IllegalArgumentException e) {
      // Not readable as a module: jdeps reads it as classes.
      return Optional.empty();
    }
  }

  private static boolean isJdkModule(String name) {
    return name.startsWith("java.") || name.startsWith("jdk.");
  }
}
