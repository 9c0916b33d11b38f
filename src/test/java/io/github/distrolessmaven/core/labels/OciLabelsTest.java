package io.github.distrolessmaven.core.labels;

import io.github.distrolessmaven.core.spec.ProjectMetadata;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The org.opencontainers.image.* labels. */
class OciLabelsTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static final ProjectMetadata FULL =
      new ProjectMetadata(
          "Demo App",
          "A demo",
          "1.0.0",
          "https://example.com/demo",
          "https://github.com/example/demo",
          "0123456789abcdef0123456789abcdef01234567",
          "Apache-2.0, MIT",
          "Example Corp");

  @Test
  void everyKeyIsDerivedInAStableOrder() {
    Map<String, String> labels =
        OciLabels.derive(FULL, CREATED, "gcr.io/distroless/java21-debian13:nonroot", DIGEST,
            Map.of());

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("org.opencontainers.image.title", "Demo App");
    expected.put("org.opencontainers.image.description", "A demo");
    expected.put("org.opencontainers.image.version", "1.0.0");
    expected.put("org.opencontainers.image.url", "https://example.com/demo");
    expected.put("org.opencontainers.image.source", "https://github.com/example/demo");
    expected.put("org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567");
    expected.put("org.opencontainers.image.licenses", "Apache-2.0, MIT");
    expected.put("org.opencontainers.image.vendor", "Example Corp");
    expected.put("org.opencontainers.image.created", "2026-01-01T00:00:00Z");
    expected.put("org.opencontainers.image.base.name", "gcr.io/distroless/java21-debian13:nonroot");
    expected.put("org.opencontainers.image.base.digest", DIGEST);
    assertEquals(expected, labels);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(labels.keySet()));
  }

  @Test
  void blankAndMissingValuesAreOmittedAndOthersTrimmed() {
    ProjectMetadata sparse =
        new ProjectMetadata(" demo ", null, "1.0", "", "  ", null, "", null);

    Map<String, String> labels = OciLabels.derive(sparse, Instant.EPOCH, "base:1", null, Map.of());

    assertEquals(
        List.of(
            "org.opencontainers.image.title",
            "org.opencontainers.image.version",
            "org.opencontainers.image.created",
            "org.opencontainers.image.base.name"),
        new ArrayList<>(labels.keySet()));
    assertEquals("demo", labels.get("org.opencontainers.image.title"));
    assertEquals("1970-01-01T00:00:00Z", labels.get("org.opencontainers.image.created"));
  }

  @Test
  void userLabelsOverrideDerivedOnesAndComeAfterThem() {
    Map<String, String> user = new LinkedHashMap<>();
    user.put("com.example.team", "payments");
    user.put("org.opencontainers.image.title", "Custom title");
    user.put("org.opencontainers.image.base.digest", "");

    Map<String, String> labels = OciLabels.derive(FULL, CREATED, "base:1", DIGEST, user);

    assertEquals("Custom title", labels.get("org.opencontainers.image.title"));
    assertEquals("", labels.get("org.opencontainers.image.base.digest"));
    assertEquals("payments", labels.get("com.example.team"));
    List<String> keys = new ArrayList<>(labels.keySet());
    assertEquals("org.opencontainers.image.title", keys.get(0));
    assertEquals("com.example.team", keys.get(keys.size() - 1));
    assertEquals(12, labels.size());
  }
}
