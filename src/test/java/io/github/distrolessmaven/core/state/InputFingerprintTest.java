package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.output.OutputPaths;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.spec.BuildTimestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

  private static final String BASE = "sha256:" + "1".repeat(64);

  @TempDir Path dir;
  private Path classFile;
  private Path jar;

  @BeforeEach
  void files() throws Exception {
    classFile = Files.write(dir.resolve("App.class"), new byte[] {1, 2, 3});
    jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar");
  }

  private ImageSpec spec(Map<String, String> environment) {
    return spec(environment, List.of(new PlannedFile(classFile, "/app/classes/App.class", 0644)));
  }

  private ImageSpec spec(Map<String, String> environment, List<PlannedFile> classes) {
    LayerPlan layers = new LayerPlan(List.of(
        new PlannedLayer("dependencies", List.of(new PlannedFile(jar, "/app/libs/lib-1.0.jar", 0644))),
        new PlannedLayer("classes", classes)),
        List.of("/app/classes", "/app/libs/lib-1.0.jar"));
    Dependency lib = new Dependency(new MavenCoordinates("org.lib", "lib", "1.0", "", "jar"), jar,
        Dependency.Origin.RELEASE);
    return new ImageSpec("registry/base:1", CredentialSources.none(), "registry/app:1", List.of(),
        CredentialSources.none(), "65532:65532", List.of("/usr/bin/java", "App"), List.of(),
        environment, Set.of(), Map.of(), List.of(), Optional.empty(), ImageFormat.DOCKER,
        new BuildTimestamps(Instant.EPOCH, Instant.EPOCH),
        new ProjectMetadata("app", null, "1", null, null, null, null, null),
        layers, new MavenCoordinates("com.example", "app", "1", "", "jar"), List.of(lib),
        Map.of(), false, false, false, dir.resolve("base-cache"), dir.resolve("app-cache"),
        dir.resolve("bases"), new OutputPaths(dir.resolve("image.tar"), dir.resolve("image.digest"),
            dir.resolve("image.id"), dir.resolve("image.json"), dir.resolve("sc.yaml"),
            dir.resolve("sbom.json")));
  }

  private InputFingerprint fingerprint() throws Exception {
    return InputFingerprint.of(spec(Map.of("MODE", "a")), BASE, "REGISTRY", "tool");
  }

  @Test
  void sameInputsGiveTheSameFingerprint() throws Exception {
    assertEquals(fingerprint(), fingerprint());
  }

  @Test
  void aClassRewrittenWithTheSameBytesKeepsIt() throws Exception {
    InputFingerprint before = fingerprint();
    Files.write(classFile, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(classFile, FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(before, fingerprint());
  }

  @Test
  void aChangedClassChangesItButNotTheSettings() throws Exception {
    InputFingerprint before = fingerprint();
    Files.write(classFile, new byte[] {1, 2, 4});
    assertNotEquals(before.whole(), fingerprint().whole());
    assertEquals(before.settings(), fingerprint().settings());
  }

  @Test
  void aJarWrittenAgainChangesItButNotTheSettings() throws Exception {
    InputFingerprint before = fingerprint();
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    assertNotEquals(before.whole(), fingerprint().whole());
    assertEquals(before.settings(), fingerprint().settings());
  }

  @Test
  void configurationBaseDestinationAndToolEachChangeIt() throws Exception {
    InputFingerprint before = fingerprint();
    for (InputFingerprint changed : List.of(
        InputFingerprint.of(spec(Map.of("MODE", "b")), BASE, "REGISTRY", "tool"),
        InputFingerprint.of(spec(Map.of("MODE", "a")), "sha256:" + "2".repeat(64), "REGISTRY", "tool"),
        InputFingerprint.of(spec(Map.of("MODE", "a")), BASE, "TAR", "tool"),
        InputFingerprint.of(spec(Map.of("MODE", "a")), BASE, "REGISTRY", "tool 2"))) {
      assertNotEquals(before.whole(), changed.whole());
      assertNotEquals(before.settings(), changed.settings());
    }
  }

  @Test
  void anAddedClassKeepsTheSettingsAnEmptiedLayerChangesThem() throws Exception {
    InputFingerprint before = fingerprint();
    Path other = Files.write(dir.resolve("Other.class"), new byte[] {5});
    InputFingerprint added = InputFingerprint.of(spec(Map.of("MODE", "a"), List.of(
        new PlannedFile(classFile, "/app/classes/App.class", 0644),
        new PlannedFile(other, "/app/classes/Other.class", 0644))), BASE, "REGISTRY", "tool");
    assertNotEquals(before.whole(), added.whole());
    assertEquals(before.settings(), added.settings());

    InputFingerprint emptied =
        InputFingerprint.of(spec(Map.of("MODE", "a"), List.of()), BASE, "REGISTRY", "tool");
    assertNotEquals(before.settings(), emptied.settings(), "an empty layer is left out of the image");
  }
}
