package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.mainclass.JavaNames;
import io.github.distrolessmaven.core.mainclass.MainClassFinder;
import io.github.distrolessmaven.core.mainclass.MainClassSearch;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides the class the entrypoint runs: {@code <mainClass>}, else the jar plugin's manifest
 * {@code mainClass}, else the one class with {@code public static void main(String[])}.
 */
public final class MainClass {

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
      return checked(configured.trim(), Setting.CONTAINER_MAIN_CLASS);
    }
    if (fromJarManifest != null && !fromJarManifest.isBlank()) {
      return checked(fromJarManifest.trim(), Setting.JAR_MAIN_CLASS);
    }
    MainClassSearch search = MainClassFinder.find(classesDirectory);
    if (search.isUnique()) {
      return search.unique().get();
    }
    if (search.candidates().isEmpty()) {
      throw new InvalidConfigurationException(
          Setting.CONTAINER_MAIN_CLASS,
          "no class in " + classesDirectory + " has a public static void main(String[]) (or,"
              + " compiled for Java 25, a main method as JEP 512 allows, such as void main())."
              + " Set " + Setting.CONTAINER_MAIN_CLASS.element() + " to the class to run, or "
              + Setting.CONTAINER_ENTRYPOINT.element() + ".");
    }
    throw new InvalidConfigurationException(
        Setting.CONTAINER_MAIN_CLASS,
        "several classes have a main method: " + String.join(", ", search.candidates())
            + ". Set " + Setting.CONTAINER_MAIN_CLASS.element() + " to the one to run, e.g. "
            + Setting.CONTAINER_MAIN_CLASS.property(search.candidates().get(0)) + ".");
  }

  private static String checked(String name, Setting setting) throws InvalidConfigurationException {
    if (!JavaNames.isValidBinaryClassName(name)) {
      throw new InvalidConfigurationException(
          setting, "'" + name + "' is not a Java class name. Write it like com.example.App.");
    }
    return name;
  }
}
