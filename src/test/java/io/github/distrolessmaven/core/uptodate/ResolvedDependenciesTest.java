package io.github.distrolessmaven.core.uptodate;

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

  private List<ResolvedDependencies.Resolved> resolved(Dependency.Origin langOrigin) {
    return List.of(
        new ResolvedDependencies.Resolved(new Dependency(
            new MavenCoordinates("com.google.code.gson", "gson", "2.11.0", "", "jar"), gson,
            Dependency.Origin.RELEASE), gsonPom),
        new ResolvedDependencies.Resolved(new Dependency(
            new MavenCoordinates("org.apache.commons", "commons-lang3", "3.17.0", "tests",
                "test-jar"), lang, langOrigin), null));
  }

  @Test
  void aBuildWithNothingChangedGetsTheSameDependenciesInTheSameOrder() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    assertEquals(resolved(Dependency.Origin.RELEASE).stream()
        .map(ResolvedDependencies.Resolved::dependency).toList(),
        record.recall(KEY).orElseThrow());
  }

  @Test
  void anotherKeyResolvesAgain() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    assertFalse(record.recall(KEY.replace("2.11.0", "2.10")).isPresent());
  }

  @Test
  void aChangedJarResolvesAgain() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    Files.setLastModifiedTime(lang, FileTime.fromMillis(0));
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aPomRewrittenInPlaceResolvesAgain() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    FileTime time = Files.getLastModifiedTime(gsonPom);
    // Same time, other size: a release re-installed with another dependency.
    Files.writeString(gsonPom, "<project><dependencies/></project>");
    Files.setLastModifiedTime(gsonPom, time);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aDeletedJarResolvesAgain() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    Files.delete(gson);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void snapshotsAndReactorModulesAreNeverRememberedAndForgetTheLastRecord() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    assertTrue(record.recall(KEY).isPresent());
    record.remember(KEY, resolved(Dependency.Origin.SNAPSHOT), LATER);
    assertFalse(record.recall(KEY).isPresent());
    record.remember(KEY, resolved(Dependency.Origin.REACTOR_MODULE), LATER);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aFileWrittenWhileTheBuildRanIsNotTrustedNextTime() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    // The POM was rewritten after the build started: what was resolved may predate it.
    Files.setLastModifiedTime(gsonPom, FileTime.from(LATER.plusSeconds(1)));
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    assertFalse(record.recall(KEY).isPresent());
  }

  @Test
  void aDamagedRecordIsNoRecord() throws Exception {
    record.remember(KEY, resolved(Dependency.Origin.RELEASE), LATER);
    Path file = dir.resolve("target/distroless/runtime-dependencies.tsv");
    Files.writeString(file, Files.readString(file).replace("\tRELEASE\t", "\tRELEASED\t"));
    assertFalse(record.recall(KEY).isPresent());
    Files.writeString(file, "something else\n");
    assertFalse(record.recall(KEY).isPresent());
  }
}
