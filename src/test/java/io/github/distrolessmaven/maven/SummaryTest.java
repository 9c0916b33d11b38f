package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.distrolessmaven.core.output.BuiltImage;
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
    assertEquals(shown, Summary.humanSize(bytes));
  }

  @Test
  void sizesUseAPointWhateverTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1.5 kB", Summary.humanSize(1536));
      assertEquals("54.5 MB", Summary.humanSize(57147392));
    } finally {
      Locale.setDefault(saved);
    }
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
        "sha256:def", List.of("1.0"), "base", 3 * 1024 * 1024, new byte[0], "the referrers API",
        false, List.of(new BuiltImage.PlatformImage("linux/amd64", "sha256:a1", "sha256:c1",
            2 * 1024 * 1024), new BuiltImage.PlatformImage("linux/arm64/v8", "sha256:a2",
            "sha256:c2", 1024 * 1024)));

    assertEquals("Pushed registry.example.com/team/app:1.0@sha256:abc (3.0 MB), an index of 2"
        + " platforms:", Summary.of("Pushed", image));
    assertEquals(List.of("  linux/amd64 sha256:a1 (2.0 MB)", "  linux/arm64/v8 sha256:a2 (1.0 MB)"),
        Summary.platforms(image));
  }
}
