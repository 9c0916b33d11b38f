package io.github.distrolessmaven.core.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.oci.FormatException;
import io.github.distrolessmaven.core.registry.RegistryFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registries asked in order, mirrors first, until one answers. */
class RegistryBaseTest {

  private static final List<String> REGISTRIES = List.of("mirror:5000", "other:5000", "gcr.io");

  @Test
  void theFirstAnswerIsTakenAndNoRegistryAfterItIsAsked() throws Exception {
    List<String> asked = new ArrayList<>();

    String answer = RegistryBase.fromFirst(REGISTRIES, "it has no java:17", "Cannot read",
        registry -> {
          asked.add(registry);
          return registry.equals("other:5000") ? Optional.of("sha256:from-other")
              : Optional.empty();
        });

    assertEquals("sha256:from-other", answer);
    assertEquals(List.of("mirror:5000", "other:5000"), asked);
  }

  @Test
  void noAnswerGivesEveryRegistrysReasonAndTheRegistryFailureAsCause() {
    RegistryFailure unreachable = RegistryFailure.interrupted("mirror:5000/java", "reading a tag");

    ImageBuildException failure = assertThrows(ImageBuildException.class,
        () -> RegistryBase.fromFirst(REGISTRIES, "it has no java:17",
            "Cannot read the base image java:17 from any registry", registry -> switch (registry) {
              case "mirror:5000" -> throw unreachable;
              case "other:5000" -> throw new FormatException("not JSON");
              default -> Optional.empty();
            }));

    assertEquals("Cannot read the base image java:17 from any registry: mirror:5000: "
        + unreachable.getMessage() + "; other:5000: not JSON; gcr.io: it has no java:17",
        failure.getMessage());
    assertSame(unreachable, failure.getCause());
  }
}
