package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedDependenciesTest {

  private static final String KEY = "dependency com.google.code.gson:gson:2.11.0:jar";
  /** When the build started: after the fixture files were written. */
  private static final Instant LATER = Instant.now().plusSeconds(60);

  @TempDir Path dir;

  private ResolvedDependencies record;
  private Path gson;
  private Path gsonPom;
  private Path lang;

  @BeforeEach
  void setUp() throws Exception {
    record = new ResolvedDependencies(dir.resolve("target/distroless/runtime-dependencies.tsv"));
    gson = Files.writeString(dir.resolve("gson-2.11.0.jar"), "gson");
    gsonPom = Files.writeString(dir.resolve("gson-2.11.0.pom"), "<project/>");
    lang = Files.writeString(dir.resolve("commons-lang3-3.17.0-tests.jar"), "lang");
  }

  private List<Dependency> resolved(Dependency.Origin langOrigin) {
    return List.of(
        new Dependency(
            new MavenCoordinates("com.google.code.gson", "gson", "2.11.0", "", "jar"), gson,
            Dependency.Origin.RELEASE),
        new Dependency(
            new MavenCoordinates("org.apache.commons", "commons-lang3", "3.17.0", "tests",
                "test-jar"), lang, langOrigin));
  }

  private void remember(Dependency.Origin langOrigin) throws Exception {
    record.remember(KEY, resolved(langOrigin), List.of(gsonPom, dir.resolve("absent.pom")), LATER);
  }

  @Test
  void aBuildWithNothingChangedGetsTheSameDependenciesInTheSameOrder() throws Exception {
    remember(Dependency.Origin.RELEASE);
    assertEquals(resolved(Dependency.Origin.RELEASE), record.recall(KEY).orElseThrow());
  }

  @Test
  void anotherKeyResolvesAgain() throws Exception {
    remember(Dependency.Origin.RELEASE);
    assertFalse(record.recall(KEY.replace("2.11.0", "2.10")).isPresent());
  }

  @Test
  void aChangedJarResolvesAgain() throws Exception {
    remember(Dependency.Origin.RELEASE);
    Files.setLastModifiedTime(lang, FileTime.fromMillis(0));
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aPomRewrittenInPlaceResolvesAgainEvenWithItsSizeAndTimeKept() throws Exception {
    remember(Dependency.Origin.RELEASE);
    FileTime time = Files.getLastModifiedTime(gsonPom);
    // Same size and time, other content: a release re-installed with another dependency.
    Files.writeString(gsonPom, "<project>  </project>".substring(0, "<project/>".length()));
    Files.setLastModifiedTime(gsonPom, time);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aPomThatAppearsResolvesAgain() throws Exception {
    remember(Dependency.Origin.RELEASE);
    assertTrue(record.recall(KEY).isPresent());
    Files.writeString(dir.resolve("absent.pom"), "<project/>");
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aDeletedJarResolvesAgain() throws Exception {
    remember(Dependency.Origin.RELEASE);
    Files.delete(gson);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void snapshotsAndReactorModulesAreNeverRememberedAndForgetTheLastRecord() throws Exception {
    remember(Dependency.Origin.RELEASE);
    assertTrue(record.recall(KEY).isPresent());
    remember(Dependency.Origin.SNAPSHOT);
    assertFalse(record.recall(KEY).isPresent());
    remember(Dependency.Origin.REACTOR_MODULE);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aFileWrittenWhileTheBuildRanIsNotTrustedNextTime() throws Exception {
    remember(Dependency.Origin.RELEASE);
    // The POM was rewritten after the build started: what was resolved may predate it.
    Files.setLastModifiedTime(gsonPom, FileTime.from(LATER.plusSeconds(1)));
    remember(Dependency.Origin.RELEASE);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aDamagedRecordIsNoRecord() throws Exception {
    remember(Dependency.Origin.RELEASE);
    Path file = dir.resolve("target/distroless/runtime-dependencies.tsv");
    Files.writeString(file, Files.readString(file).replace("\tRELEASE\t", "\tRELEASED\t"));
    assertFalse(record.recall(KEY).isPresent());
    Files.writeString(file, "something else\n");
    assertFalse(record.recall(KEY).isPresent());
  }
}
