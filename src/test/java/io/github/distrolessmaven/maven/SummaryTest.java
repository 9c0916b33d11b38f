package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.pipeline.Destination;
import io.github.distrolessmaven.core.policy.SecurityContext;
import io.github.distrolessmaven.core.spec.OutputPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one line a build ends with. */
class SummaryTest {

  @ParameterizedTest
  @CsvSource({
      "0, 0.0 kB",
      "512, 0.5 kB",
      "1536, 1.5 kB",
      "1047552, 1023.0 kB",
      "1048576, 1.0 MB",
      "57147392, 54.5 MB",
      "3221225472, 3072.0 MB"})
  void sizesAreInKilobytesBelowAMegabyteElseInMegabytes(long bytes, String shown) {
    assertEquals(shown, LogText.size(bytes));
  }

  @Test
  void sizesUseAPointWhateverTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1.5 kB", LogText.size(1536));
      assertEquals("54.5 MB", LogText.size(57147392));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void anArchiveSaysHowToLoadItAndALoadSaysWhereTheSbomIs() {
    BuiltImage image = new BuiltImage("example.test/app:1.0", "sha256:abc", "sha256:def",
        List.of("1.0"), "base", 2 * 1024 * 1024, new byte[0], "the archive", false);
    Path dir = Path.of("/p/target/distroless");
    OutputPaths outputs = new OutputPaths(dir.resolve("image.tar"), dir.resolve("image.digest"),
        dir.resolve("image.id"), dir.resolve("image.json"), dir.resolve("security-context.yaml"),
        dir.resolve("sbom.cdx.json"));
    SecurityContext security = SecurityContext.forUser("65532:65532");

    assertEquals(List.of(
        "Wrote /p/target/distroless/image.tar with example.test/app:1.0@sha256:abc (2.0 MB)",
        "SBOM: /p/target/distroless/sbom.cdx.json, attached to the image in the archive",
        "Load it: docker load -i /p/target/distroless/image.tar (or podman load -i"
            + " /p/target/distroless/image.tar), then run it hardened: podman run "
            + security.runFlags() + " example.test/app:1.0 (Kubernetes: security-context.yaml)"),
        Summary.report(Destination.TAR, image, outputs, security));

    assertEquals(List.of(
        "Loaded into the engine example.test/app:1.0@sha256:abc (2.0 MB)",
        "SBOM: /p/target/distroless/sbom.cdx.json (an engine keeps no SBOM beside an image:"
            + " push with distroless:build to attach it)",
        "Run it hardened: podman run " + security.runFlags()
            + " example.test/app:1.0 (Kubernetes: security-context.yaml)"),
        Summary.report(Destination.ENGINE, image, outputs, security));
  }

  @Test
  void theLineNamesTheImageByDigestItsSizeAndEveryOtherTag() {
    BuiltImage image = new BuiltImage("registry.example.com/team/app:1.0", "sha256:abc",
        "sha256:def", List.of("1.0", "latest", "stable"),
        "gcr.io/distroless/java17-debian13:nonroot", 3 * 1024 * 1024, new byte[0],
        "the referrers API", false);
    BuiltImage oneTag = new BuiltImage("registry.example.com/team/app:1.0", "sha256:abc",
        "sha256:def", List.of("1.0"), "gcr.io/distroless/java17-debian13:nonroot",
        3 * 1024 * 1024, new byte[0], "the referrers API", false);

    assertEquals("Pushed registry.example.com/team/app:1.0@sha256:abc (3.0 MB), also tagged"
        + " latest, stable", Summary.of("Pushed", image));
    assertEquals("Pushed registry.example.com/team/app:1.0@sha256:abc (3.0 MB)",
        Summary.of("Pushed", oneTag));
  }

  @Test
  void anIndexGetsALinePerPlatformAfterItsOwn() {
    BuiltImage image = new BuiltImage("registry.example.com/team/app:1.0", "sha256:abc",
        "sha256:def", List.of("1.0"), "base", 3 * 1024 * 1024, new byte[0],
        "each platform's image (linux/amd64: the referrers API; linux/arm64/v8: the referrers"
            + " API)", false, List.of(new BuiltImage.PlatformImage("linux/amd64", "sha256:a1", "sha256:c1",
            2 * 1024 * 1024), new BuiltImage.PlatformImage("linux/arm64/v8", "sha256:a2",
            "sha256:c2", 1024 * 1024)));

    assertEquals("Pushed registry.example.com/team/app:1.0@sha256:abc (3.0 MB), an index of 2"
        + " platforms:", Summary.of("Pushed", image));
    assertEquals(List.of("  linux/amd64 sha256:a1 (2.0 MB)", "  linux/arm64/v8 sha256:a2 (1.0 MB)"),
        Summary.platforms(image.platforms()));
    Path dir = Path.of("/p/target/distroless");
    OutputPaths outputs = new OutputPaths(dir.resolve("image.tar"), dir.resolve("image.digest"),
        dir.resolve("image.id"), dir.resolve("image.json"), dir.resolve("security-context.yaml"),
        dir.resolve("sbom.cdx.json"));
    assertEquals("SBOM: /p/target/distroless/sbom.cdx.json, attached to each platform's image"
        + " (linux/amd64: the referrers API; linux/arm64/v8: the referrers API)",
        Summary.report(Destination.REGISTRY, image, outputs,
            SecurityContext.forUser("65532:65532")).get(3));
  }
}
