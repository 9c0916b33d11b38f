package io.github.distrolessmaven.core.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The base follows the release the project is compiled for. */
class DefaultBaseImageTest {

  @ParameterizedTest
  @CsvSource({
    "8, gcr.io/distroless/java17-debian13:nonroot",
    "11, gcr.io/distroless/java17-debian13:nonroot",
    "17, gcr.io/distroless/java17-debian13:nonroot",
    "18, gcr.io/distroless/java21-debian13:nonroot",
    "21, gcr.io/distroless/java21-debian13:nonroot",
    "22, gcr.io/distroless/java25-debian13:nonroot",
    "25, gcr.io/distroless/java25-debian13:nonroot"
  })
  void releaseChoosesBase(int release, String expected) throws InvalidConfigurationException {
    assertEquals(expected, DefaultBaseImage.forRelease(release));
  }

  @Test
  void aReleaseOlderThan17IsToldWhichBaseRunsItAndWhatOldFrameworksNeed() {
    assertEquals(Optional.of("The project is compiled for Java 11 ("
        + Setting.JAVA_RELEASE.element() + "); the oldest distroless Java base is java17, so the"
        + " image runs it on gcr.io/distroless/java17-debian13:nonroot. Java 17 runs Java 11"
        + " classes, but a framework written before Java 17 may need --add-opens flags in "
        + Setting.CONTAINER_JVM_FLAGS.element() + ", e.g."
        + " --add-opens=java.base/java.lang=ALL-UNNAMED."),
        DefaultBaseImage.olderReleaseNote(11, Setting.JAVA_RELEASE));
    assertTrue(DefaultBaseImage.olderReleaseNote(8, Setting.JAVA_TARGET).orElseThrow()
        .startsWith("The project is compiled for Java 8 (" + Setting.JAVA_TARGET.element()));
    assertEquals(Optional.empty(), DefaultBaseImage.olderReleaseNote(17, Setting.JAVA_RELEASE));
    assertEquals(Optional.empty(), DefaultBaseImage.olderReleaseNote(21, Setting.JAVA_RELEASE));
  }

  @Test
  void releaseAboveNewestIsRefusedNamingFromImage() {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> DefaultBaseImage.forRelease(26));

    assertEquals(Setting.FROM_IMAGE, e.setting());
    assertTrue(e.getMessage().contains("26"), e.getMessage());
    assertTrue(e.getMessage().startsWith(Setting.FROM_IMAGE.element() + ": "), e.getMessage());
  }

  @Test
  void releaseWinsOverTarget() throws InvalidConfigurationException {
    assertEquals(21, DefaultBaseImage.javaRelease("21", "11"));
  }

  @Test
  void targetIsUsedWhenReleaseIsBlank() throws InvalidConfigurationException {
    assertEquals(11, DefaultBaseImage.javaRelease(" ", "11"));
    assertEquals(11, DefaultBaseImage.javaRelease(null, " 11 "));
  }

  @Test
  void oneDotEightMeansEight() throws InvalidConfigurationException {
    assertEquals(8, DefaultBaseImage.javaRelease(null, "1.8"));
    assertEquals(8, DefaultBaseImage.javaRelease("1.8", null));
  }

  @Test
  void neitherPropertyMeansSeventeen() throws InvalidConfigurationException {
    assertEquals(17, DefaultBaseImage.javaRelease(null, null));
    assertEquals(17, DefaultBaseImage.javaRelease("", "  "));
  }

  @Test
  void nonNumericReleaseNamesReleaseProperty() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> DefaultBaseImage.javaRelease("abc", "17"));

    assertEquals(Setting.JAVA_RELEASE, e.setting());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
  }

  @Test
  void nonNumericTargetNamesTargetProperty() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> DefaultBaseImage.javaRelease(null, "abc"));

    assertEquals(Setting.JAVA_TARGET, e.setting());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
  }
}
