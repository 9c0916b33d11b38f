package io.github.distrolessmaven.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.BuildTimestamps;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.Platforms;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
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

  private ImageContent spec(Map<String, String> environment) {
    return spec(environment, List.of(new PlannedFile(classFile, "/app/classes/App.class", 0644)));
  }

  private ImageContent spec(Map<String, String> environment, List<PlannedFile> classes) {
    LayerPlan layers = new LayerPlan(List.of(
        new PlannedLayer("dependencies", List.of(new PlannedFile(jar, "/app/libs/lib-1.0.jar", 0644))),
        new PlannedLayer("classes", classes)),
        List.of("/app/classes", "/app/libs/lib-1.0.jar"));
    Dependency lib = new Dependency(new MavenCoordinates("org.lib", "lib", "1.0", "", "jar"), jar,
        Dependency.Origin.RELEASE);
    return new ImageContent("registry/base:1", Platforms.DEFAULT, "registry/app:1", List.of(),
        "65532:65532",
        List.of("/usr/bin/java", "App"), List.of(), environment, Set.of(), Map.of(), List.of(),
        Optional.empty(), ImageFormat.DOCKER, new BuildTimestamps(Instant.EPOCH, Instant.EPOCH),
        new ProjectMetadata("app", null, "1", null, null, null, null, null),
        layers, Map.of(), new MavenCoordinates("com.example", "app", "1", "", "jar"), List.of(lib), false);
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

  /**
   * Every field of the content decides the image: a change to any one of them must change the
   * fingerprint, or a changed build would look up to date. A field added to {@link ImageContent}
   * without a way to change it here fails this test, which asks for one.
   */
  @Test
  void everyFieldOfTheContentChangesIt() throws Exception {
    ImageContent content = spec(Map.of("MODE", "a"));
    InputFingerprint before = InputFingerprint.of(content, BASE, "REGISTRY", "tool");
    for (RecordComponent field : ImageContent.class.getRecordComponents()) {
      ImageContent changed = with(content, field);
      InputFingerprint after = InputFingerprint.of(changed, BASE, "REGISTRY", "tool");
      assertNotEquals(before.whole(), after.whole(),
          "ImageContent." + field.getName() + " changed, the fingerprint did not");
    }
  }

  /** The content with one field changed. */
  private ImageContent with(ImageContent content, RecordComponent field) throws Exception {
    RecordComponent[] fields = ImageContent.class.getRecordComponents();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = fields[i].getAccessor().invoke(content);
      if (fields[i].getName().equals(field.getName())) {
        values[i] = changed(field.getName(), values[i]);
      }
    }
    Class<?>[] types = Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return ImageContent.class.getDeclaredConstructor(types).newInstance(values);
  }

  private Object changed(String field, Object value) throws Exception {
    Path other = Files.writeString(dir.resolve("Other.class"), "other");
    return switch (field) {
      case "baseImage", "targetImage", "user" -> value + "0";
      case "additionalTags", "entrypoint", "args", "volumes" -> List.of("/changed");
      case "environment", "userLabels" -> Map.of("CHANGED", "1");
      case "ports" -> Set.of(new ExposedPort(8080, "tcp"));
      case "workingDirectory" -> Optional.of("/work");
      case "format" -> ImageFormat.OCI;
      case "timestamps" -> new BuildTimestamps(Instant.EPOCH, Instant.ofEpochSecond(1));
      case "project" -> new ProjectMetadata("app", "changed", "1", null, null, null, null, null);
      case "layers" -> new LayerPlan(List.of(new PlannedLayer("classes",
          List.of(new PlannedFile(other, "/app/classes/Other.class", 0644)))),
          List.of("/app/classes"));
      case "application" -> new MavenCoordinates("com.example", "app", "2", "", "jar");
      case "dependencies" -> List.of();
      case "allowShell" -> !((Boolean) value);
      case "platforms" -> List.of(Platform.LINUX_AMD64, Platform.of("linux", "arm64"));
      case "platformRuntimes" -> Map.of(Platform.LINUX_AMD64, new PlannedLayer("java runtime",
          List.of(new PlannedFile(other, "/usr/lib/jvm/jre/bin/java", 0755))));
      default -> throw new AssertionError("ImageContent." + field + " is new: teach this test how"
          + " to change it, and InputFingerprint to fingerprint it");
    };
  }
}
