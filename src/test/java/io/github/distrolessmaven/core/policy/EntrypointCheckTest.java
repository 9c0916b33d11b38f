package io.github.distrolessmaven.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.contents.Executables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntrypointCheckTest {

  private static final String BASE = "gcr.io/distroless/java21-debian13:nonroot";
  private static final String JAVA = "/usr/lib/jvm/java-21-openjdk-amd64/bin/java";
  /** As a distroless Java base lays it out: usr-merged, java through the alternatives. */
  private static final Executables DISTROLESS = new Executables(Set.of(JAVA),
      Map.of("/bin", "usr/bin", "/usr/bin/java", "/etc/alternatives/java",
          "/etc/alternatives/java", JAVA, "/loop", "/loop"));

  private static void check(List<String> entrypoint, Executables image)
      throws InvalidConfigurationException {
    EntrypointCheck.check(entrypoint, BASE, image, EntrypointCheck.DEFAULT_PATH);
  }

  private static String refusal(List<String> entrypoint, Executables image) {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> check(entrypoint, image));
    assertEquals(Setting.CONTAINER_ENTRYPOINT, e.setting());
    return e.getMessage();
  }

  @Test
  void javaThroughItsLinksIsThere() throws Exception {
    check(List.of("/usr/bin/java", "-cp", "/app/classes", "Main"), DISTROLESS);
    check(List.of("/bin/java", "-version"), DISTROLESS);
    check(List.of(JAVA), DISTROLESS);
    check(List.of("java", "-version"), DISTROLESS);
  }

  @Test
  void aMissingCommandIsRefusedNamingWhatTheImageHasInstead() {
    String message = refusal(List.of("/usr/local/bin/java", "-jar", "/app/app.jar"), DISTROLESS);

    assertTrue(message.startsWith(Setting.CONTAINER_ENTRYPOINT.element() + ": starts with"
        + " /usr/local/bin/java, which is not an executable file in the image (the base " + BASE
        + " and the application's layers); the image has /usr/bin/java, /bin/java, " + JAVA),
        message);
  }

  @Test
  void aBareNameIsLookedUpOnThePath() {
    String message = refusal(List.of("node", "server.js"), DISTROLESS);

    assertTrue(message.contains("starts with node on the image's PATH ("
        + EntrypointCheck.DEFAULT_PATH + ")"), message);
    assertTrue(message.contains("leave " + Setting.CONTAINER_ENTRYPOINT.element() + " out")
        || message.contains("Name an executable the image has"), message);
  }

  @Test
  void aShellOnAShellLessBaseShowsTheExecForm() {
    String message = refusal(List.of("/bin/sh", "-c",
        "java -XX:MaxRAMPercentage=75 -cp '/app/classes:/app/libs/*' com.example.Main"),
        DISTROLESS);

    assertTrue(message.contains("starts with /bin/sh, a shell, but the base " + BASE
        + " has no shell"), message);
    assertTrue(message.contains("[\"java\", \"-XX:MaxRAMPercentage=75\", \"-cp\","
        + " \"/app/classes:/app/libs/*\", \"com.example.Main\"]"), message);
    assertTrue(refusal(List.of("/busybox/sh", "-c", "exec java -jar app.jar"), DISTROLESS)
        .contains("[\"exec\", \"java\", \"-jar\", \"app.jar\"]"));
  }

  @Test
  void directoriesLoopsAndFilesWithoutExecuteBitsAreRefused() {
    refusal(List.of("/usr/lib/jvm"), DISTROLESS);
    refusal(List.of("/loop"), DISTROLESS);
    Executables withScript = DISTROLESS.with(Map.of("/app/run.sh", false), Map.of());
    refusal(List.of("/app/run.sh"), withScript);
  }

  @Test
  void aFileOfTheApplicationsLayersCounts() throws Exception {
    Executables image = DISTROLESS.with(Map.of("/app/bin/start", true), Map.of());

    check(List.of("/app/bin/start"), image);
    assertEquals(Optional.of("/usr/bin/start"),
        DISTROLESS.with(Map.of("/bin/start", true), Map.of()).resolve("/usr/bin/start"),
        "put through the /bin link, as an extractor writes it");
  }

  @Test
  void aLinkOfTheApplicationsLayersIsFollowed() throws Exception {
    Executables image = DISTROLESS.with(Map.of("/app/bin/real-start", true),
        Map.of("/app/bin/start", "real-start", "/app/current", "/app/bin"));

    check(List.of("/app/bin/start"), image);
    check(List.of("/app/current/start"), image);
    refusal(List.of("/app/current/missing"), image);
  }

  @Test
  void anImagesOwnPathIsFollowed() throws Exception {
    Executables image = DISTROLESS.with(Map.of("/opt/tool/bin/tool", true), Map.of());

    EntrypointCheck.check(List.of("tool"), BASE, image, "/opt/tool/bin:/usr/bin");
    assertThrows(InvalidConfigurationException.class, () -> check(List.of("tool"), image));
    assertEquals("/opt/x", EntrypointCheck.pathOf(Map.of("PATH", "/opt/x")));
    assertEquals(EntrypointCheck.DEFAULT_PATH, EntrypointCheck.pathOf(Map.of()));
  }

  @Test
  void inheritIsRefusedWithWhatToWriteInstead() throws Exception {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> EntrypointCheck.refuseInherit(List.of("INHERIT")));

    assertTrue(e.getMessage().contains("INHERIT (Jib's keyword for the base's own entrypoint) is"
        + " not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("[\"/usr/bin/java\", \"-cp\""), e.getMessage());
    EntrypointCheck.refuseInherit(List.of("/usr/bin/java", "INHERIT"));
  }

  @Test
  void jvmFlagsThatHoldSeveralFlagsOrQuotesAreWarnedAbout() {
    List<String> warnings = EntrypointCheck.jvmFlagWarnings(List.of("-Xmx256m -Xms64m",
        "-Dgreeting=\"hello\"", "-XX:MaxRAMPercentage=75", "-Dname=two words"));

    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("holds '-Xmx256m -Xms64m', which java gets as one"
        + " argument, flags and all") && warnings.get(0).contains("[\"-Xmx256m\", \"-Xms64m\"]"),
        warnings.get(0));
    assertTrue(warnings.get(1).contains("quotes and all"), warnings.get(1));
  }
}
