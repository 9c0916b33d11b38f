package io.github.distrolessmaven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout the code keeps: packages without cycles, jib-core only in its adapter, HTTP and TLS
 * only in the registry client, Maven only in the Maven layer, and a core that names settings
 * by key, never as the POM or the command line spells them.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.distrolessmaven";
  private static final String CORE = ROOT + ".core";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(main);
    noClasses().that().resideInAPackage(CORE + "..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".maven..")
        .check(main);
  }

  @Test
  void jibCoreIsSeenOnlyByItsAdapter() {
    noClasses().that().resideOutsideOfPackage(CORE + ".jib..")
        .should().dependOnClassesThat().resideInAPackage("com.google.cloud.tools.jib..")
        .because("core.jib is the one adapter to jib-core")
        .check(main);
  }

  @Test
  void httpAndTlsAreSpokenOnlyByTheRegistryClient() {
    noClasses().that().resideOutsideOfPackage(CORE + ".registry..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.net.http..", "javax.net.ssl..", "com.google.api.client.http..",
            "org.apache.http..")
        .orShould().dependOnClassesThat().areAssignableTo(java.net.URLConnection.class)
        .orShould().dependOnClassesThat().haveFullyQualifiedName(
            "com.google.cloud.tools.jib.http.FailoverHttpClient")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(
            "com.google.cloud.tools.jib.registry.RegistryClient")
        .because("core.registry is the one registry transport (core.engine speaks only to the"
            + " local engine's socket, with no TLS and no registry API)")
        .check(main);
  }

  @Test
  void theCoreKnowsNoMaven() {
    noClasses().that().resideInAPackage(CORE + "..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..")
        .check(main);
  }

  /**
   * No string of the core spells a POM element ({@code <to><image>}) or a command-line property
   * ({@code distroless.to.image}, {@code -Ddistroless...}): it refers to settings by key.
   */
  @Test
  void theCoreSpellsNoPomElementOrProperty() throws IOException {
    Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    Pattern spelled = Pattern.compile("<[a-z][A-Za-z]*>|distroless\\.[a-z]|-Ddistroless");
    List<String> found = new ArrayList<>();
    Path core = Path.of("src/main/java", CORE.replace('.', '/'));
    try (Stream<Path> files = Files.walk(core)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file)
            .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        Matcher strings = literal.matcher(code);
        while (strings.find()) {
          if (spelled.matcher(strings.group(1)).find()) {
            found.add(core.relativize(file) + ": \"" + strings.group(1) + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), found, "the core spells settings as Maven does");
  }
}
