package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which modules of a build get an image. */
class ModuleSelectionTest {

  @TempDir Path dir;

  private static final ModuleSelection.Library LIBRARY = () -> true;
  private static final ModuleSelection.Library APPLICATION = () -> false;

  private static Optional<String> reason(String packaging, String artifactId,
      String containerize, int reactorSize, boolean configured, ModuleSelection.Library library)
      throws Exception {
    return ModuleSelection.skipReason(packaging, "com.example", artifactId,
        ModuleSelection.parse(containerize), reactorSize, configured, library);
  }

  @Test
  void aPomModuleIsSkipped() throws Exception {
    assertEquals(Optional.of("packaging 'pom' has no classes to put in an image."),
        reason("pom", "parent", null, 3, false, LIBRARY));
  }

  @Test
  void aWarIsSkippedInAReactorAndLeftToTheRefusalAloneOrNamed() throws Exception {
    assertEquals(Optional.of("packaging 'war' needs a servlet container, which no distroless"
        + " base has; build web alone to see what to do instead."),
        reason("war", "web", null, 3, true, LIBRARY));
    assertEquals(Optional.empty(), reason("war", "web", null, 1, true, LIBRARY));
    assertEquals(Optional.empty(), reason("war", "web", ":web", 3, true, LIBRARY));
  }

  @Test
  void aLibraryIsSkippedInAReactorAndLeftToTheRefusalAlone() throws Exception {
    assertEquals(Optional.of("lib has no main class: a library, not an application. Set"
        + " <container><mainClass> to build its image."),
        reason("jar", "lib", null, 3, false, LIBRARY));
    assertEquals(Optional.empty(), reason("jar", "lib", null, 1, false, LIBRARY),
        "a build of one module is refused for lacking a main class, not skipped");
    assertEquals(Optional.empty(), reason("jar", "lib", null, 3, true, LIBRARY),
        "a configured main class or entrypoint builds it");
    assertEquals(Optional.empty(), reason("jar", "app", null, 3, false, APPLICATION));
  }

  @Test
  void theLibraryCheckIsNotMadeWhereItDoesNotMatter() throws Exception {
    ModuleSelection.Library unasked = () -> {
      throw new AssertionError("asked");
    };
    reason("pom", "parent", null, 3, false, unasked);
    reason("jar", "app", null, 1, false, unasked);
    reason("jar", "app", ":app", 3, false, unasked);
  }

  @Test
  void theSelectionNamesTheModulesThatGetAnImage() throws Exception {
    assertEquals(Optional.empty(), reason("jar", "api", "com.example:api,:worker", 4, false,
        APPLICATION));
    assertEquals(Optional.empty(), reason("jar", "worker", "com.example:api,:worker", 4, false,
        APPLICATION), ":artifactId names it in any group");
    assertEquals(Optional.of("com.example:web is not among the modules distroless.containerize"
        + " names (com.example:api,:worker)."),
        reason("jar", "web", "com.example:api,:worker", 4, false, APPLICATION));
    assertEquals(Optional.empty(), reason("jar", "lib", ":lib", 4, false, LIBRARY),
        "a module named is built, or refused for what it lacks");
    assertTrue(reason("jar", "api", "org.other:api", 4, false, APPLICATION).isPresent(),
        "another group's api");
  }

  @Test
  void aSelectionThatNamesNoModuleIsRefused() {
    for (String bad : List.of("app", "com.example:", "a:b:c", "com.example:app,,:x")) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> ModuleSelection.parse(bad), bad);
      assertEquals(Setting.CONTAINERIZE, e.setting(), bad);
      assertTrue(e.getMessage().contains("Write groupId:artifactId or :artifactId"),
          e.getMessage());
    }
  }

  @Test
  void aModuleWithoutAMainClassIsOneWithNoneInItsManifestOrClasses() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertTrue(ModuleSelection.hasNoMainClass(null, classes));
    assertFalse(ModuleSelection.hasNoMainClass("com.example.App", classes));
    assertFalse(ModuleSelection.hasNoMainClass(null, dir.resolve("not-compiled")),
        "a module not compiled is left to the refusal that says so");
  }
}
