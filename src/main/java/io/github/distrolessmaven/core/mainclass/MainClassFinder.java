package io.github.distrolessmaven.core.mainclass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the classes in a compiled-classes directory that can be launched with {@code java}. */
public final class MainClassFinder {

  private static final Set<String> NOT_CLASSES = Set.of("module-info.class", "package-info.class");

  private MainClassFinder() {}

  /** The class-file major version of Java 25, whose launcher runs JEP 512's main methods. */
  static final int JAVA_25 = 69;

  /**
   * Lists every class under {@code classesDirectory} that declares {@code public static void
   * main(String[])}; when none does, every class compiled for Java 25 or later that declares a
   * main method JEP 512 lets the launcher run: {@code void main()} or {@code void
   * main(String[])}, static or not, not private, in a class that need not be public.
   *
   * @param classesDirectory e.g. {@code target/classes}
   * @return the candidates; empty if the directory does not exist (the caller reports that the
   *     project is not compiled)
   * @throws IOException if the directory cannot be walked, or a class file cannot be read or
   *     parsed; the message names the file
   */
  public static MainClassSearch find(Path classesDirectory) throws IOException {
    if (!Files.isDirectory(classesDirectory)) {
      return MainClassSearch.empty();
    }
    List<Path> classFiles;
    try (Stream<Path> walk = Files.walk(classesDirectory)) {
      classFiles =
          walk.filter(MainClassFinder::isClassFile).sorted().collect(Collectors.toList());
    }
    // A set, because a multi-release layout may hold the same class more than once.
    Set<String> candidates = new TreeSet<>();
    Set<String> java25Candidates = new TreeSet<>();
    for (Path file : classFiles) {
      ClassFileReader info = read(file);
      if (info.hasLaunchableMain()) {
        candidates.add(info.binaryName());
      } else if (info.hasInstanceMainCandidate() && !info.isInterface()
          && info.majorVersion() >= JAVA_25) {
        java25Candidates.add(info.binaryName());
      }
    }
    // A classic main wins: a project that has one keeps the entry point it always had.
    return new MainClassSearch(List.copyOf(candidates.isEmpty() ? java25Candidates : candidates));
  }

  private static boolean isClassFile(Path path) {
    String name = path.getFileName().toString();
    // module-info and package-info describe a module or package, never a launchable class.
    return name.endsWith(".class") && !NOT_CLASSES.contains(name) && Files.isRegularFile(path);
  }

  private static ClassFileReader read(Path file) throws IOException {
    try {
      return ClassFileReader.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException("Cannot read class file " + file + ": " + e.getMessage(), e);
    }
  }
}
