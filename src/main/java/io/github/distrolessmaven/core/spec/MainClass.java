package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.mainclass.JavaNames;
import io.github.distrolessmaven.core.mainclass.MainClassFinder;
import io.github.distrolessmaven.core.mainclass.MainClassSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Decides the class the entrypoint runs: {@code <mainClass>}, else the jar plugin's manifest
 * {@code mainClass}, else the one class with {@code public static void main(String[])}.
 */
public final class MainClass {

  static final String ELEMENT = "<container><mainClass>";

  private MainClass() {}

  /**
   * @param configured {@code <container><mainClass>} or {@code distroless.container.mainClass}
   * @param fromJarManifest the maven-jar-plugin's {@code <archive><manifest><mainClass>}
   * @param classesDirectory the project's compiled classes
   * @throws InvalidConfigurationException for a malformed name, or zero or several candidates
   */
  public static String resolve(String configured, String fromJarManifest, Path classesDirectory)
      throws InvalidConfigurationException, IOException {
    if (configured != null && !configured.isBlank()) {
      return checked(configured.trim(), ELEMENT);
    }
    if (fromJarManifest != null && !fromJarManifest.isBlank()) {
      return checked(fromJarManifest.trim(),
          "maven-jar-plugin <archive><manifest><mainClass>");
    }
    MainClassSearch search = MainClassFinder.find(classesDirectory);
    if (search.isUnique()) {
      return search.unique().get();
    }
    if (search.candidates().isEmpty()) {
      throw new InvalidConfigurationException(
          ELEMENT,
          "no class in " + classesDirectory + " has a public static void main(String[])."
              + " Set <container><mainClass> to the class to run, or <container><entrypoint>.");
    }
    throw new InvalidConfigurationException(
        ELEMENT,
        "several classes have a main method: " + String.join(", ", search.candidates())
            + ". Set <container><mainClass> to the one to run, e.g. -D"
            + "distroless.container.mainClass=" + search.candidates().get(0) + ".");
  }

  /**
   * Checks that the project was compiled: its classes directory exists and holds a class.
   *
   * @throws InvalidConfigurationException telling the user to compile first
   */
  public static void requireCompiled(Path classesDirectory)
      throws InvalidConfigurationException, IOException {
    boolean compiled = false;
    if (Files.isDirectory(classesDirectory)) {
      try (Stream<Path> files = Files.walk(classesDirectory)) {
        compiled = files.anyMatch(path -> path.toString().endsWith(".class"));
      }
    }
    if (!compiled) {
      throw new InvalidConfigurationException(
          "project.build.outputDirectory",
          classesDirectory + " holds no compiled classes. Compile first: run"
              + " 'mvn package distroless:build' (or 'mvn compile distroless:tar'), not the goal alone.");
    }
  }

  private static String checked(String name, String element) throws InvalidConfigurationException {
    if (!JavaNames.isValidBinaryClassName(name)) {
      throw new InvalidConfigurationException(
          element, "'" + name + "' is not a Java class name. Write it like com.example.App.");
    }
    return name;
  }
}
