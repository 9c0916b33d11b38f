package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.BuildTimestamps;
import io.github.distrolessmaven.core.spec.ImageContent;
import io.github.distrolessmaven.core.spec.ImageFormat;
import io.github.distrolessmaven.core.spec.ImageSpec;
import io.github.distrolessmaven.core.spec.OutputPaths;
import io.github.distrolessmaven.core.spec.Platforms;
import io.github.distrolessmaven.core.spec.ProjectMetadata;
import io.github.distrolessmaven.core.spec.RegistryOptions;
import io.github.distrolessmaven.core.spec.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Specs for the tests of the build steps: a small application (a jar and a class, in the
 * dependencies and classes layers) on a base, everything kept under one folder.
 */
final class TestSpecs {

  static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

  private TestSpecs() {}

  /** The application's class file under {@code dir}, written the first time. */
  static Path classFile(Path dir) throws IOException {
    Path file = dir.resolve("app/App.class");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {(byte) 0xca, (byte) 0xfe, 1});
    }
    return file;
  }

  /** The application's dependency jar under {@code dir}, written the first time. */
  static Path jar(Path dir) throws IOException {
    Path file = dir.resolve("app/lib-1.0.jar");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "not really a jar");
    }
    return file;
  }

  /** The dependencies and classes layers of the application under {@code dir}. */
  static LayerPlan layers(Path dir) throws IOException {
    return new LayerPlan(List.of(
        new PlannedLayer("dependencies",
            List.of(new PlannedFile(jar(dir), "/app/libs/lib-1.0.jar", 0644))),
        new PlannedLayer("classes",
            List.of(new PlannedFile(classFile(dir), "/app/classes/App.class", 0644)))),
        List.of("/app/classes", "/app/libs/lib-1.0.jar"));
  }

  static Dependency dependency(Path jar) {
    return new Dependency(new MavenCoordinates("org.lib", "lib", "1.0", "", "jar"), jar,
        Dependency.Origin.RELEASE);
  }

  /** The application under {@code dir} on {@code base}, with no extra tags or variables. */
  static ImageContent content(Path dir, String base, String target) throws IOException {
    return content(base, target, List.of(), Map.of(), layers(dir), List.of(dependency(jar(dir))));
  }

  static ImageContent content(String base, String target, List<String> additionalTags,
      Map<String, String> environment, LayerPlan layers, List<Dependency> dependencies) {
    return content(base, target, additionalTags, environment, layers, dependencies,
        ImageFormat.DOCKER);
  }

  static ImageContent content(String base, String target, List<String> additionalTags,
      Map<String, String> environment, LayerPlan layers, List<Dependency> dependencies,
      ImageFormat format) {
    return content(base, target, additionalTags, environment, layers, dependencies, format,
        Platforms.DEFAULT);
  }

  static ImageContent content(String base, String target, List<String> additionalTags,
      Map<String, String> environment, LayerPlan layers, List<Dependency> dependencies,
      ImageFormat format, List<Platform> platforms) {
    return new ImageContent(base, platforms, target, additionalTags, "65532:65532",
        List.of("/usr/bin/java", "-cp", "/app/classes:/app/libs/*", "App"), List.of(),
        environment, Set.of(), Map.of(), List.of(), Optional.empty(), format,
        new BuildTimestamps(CREATED, Instant.EPOCH),
        new ProjectMetadata("app", null, "1.0", null, null, null, null, null), layers, Map.of(),
        new MavenCoordinates("com.example", "app", "1.0", "", "jar"), dependencies, false);
  }

  /** The spec, keeping state and outputs under {@code dir}. */
  static ImageSpec spec(ImageContent content, Path dir, Map<String, List<String>> mirrors,
      boolean offline) {
    Path out = dir.resolve("out");
    return new ImageSpec(content,
        new RegistryOptions(CredentialSources.none(), CredentialSources.none(), mirrors, true,
            offline),
        new Storage(dir.resolve("shared-cache"), dir.resolve("project")),
        new OutputPaths(out.resolve("image.tar"), out.resolve("digest"), out.resolve("image-id"),
            out.resolve("image.json"), out.resolve("security-context.json"),
            out.resolve("sbom.cdx.json")));
  }
}
