package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timestamp chain: configured, outputTimestamp, SOURCE_DATE_EPOCH, epoch. */
class BuildTimestampsTest {

  private static final Instant NOW = Instant.parse("2031-05-06T07:08:09Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

  private static BuildTimestamps resolve(
      String creation, String files, String outputTimestamp, String sourceDateEpoch)
      throws InvalidConfigurationException {
    return BuildTimestamps.resolve(creation, files, outputTimestamp, sourceDateEpoch, CLOCK);
  }

  @Test
  void nothingSetMeansEpoch() throws InvalidConfigurationException {
    assertEquals(
        new BuildTimestamps(Instant.EPOCH, Instant.EPOCH), resolve(null, null, null, null));
    assertEquals(
        new BuildTimestamps(Instant.EPOCH, Instant.EPOCH), resolve(" ", "", " ", " "));
  }

  @Test
  void configuredIsoWithZ() throws InvalidConfigurationException {
    BuildTimestamps timestamps =
        resolve("2026-01-01T00:00:00Z", "2025-06-30T12:00:00Z", "2020-01-01T00:00:00Z", "1");

    assertEquals(NEW_YEAR, timestamps.creationTime());
    assertEquals(Instant.parse("2025-06-30T12:00:00Z"), timestamps.filesModificationTime());
  }

  @Test
  void configuredIsoWithOffsetIsConvertedToUtc() throws InvalidConfigurationException {
    BuildTimestamps timestamps =
        resolve("2026-01-01T02:00:00+02:00", "2025-12-31T19:00:00-05:00", null, null);

    assertEquals(NEW_YEAR, timestamps.creationTime());
    assertEquals(NEW_YEAR, timestamps.filesModificationTime());
  }

  @Test
  void configuredEpochBeatsTheFallback() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve("EPOCH", "EPOCH", "2026-01-01T00:00:00Z", null);

    assertEquals(new BuildTimestamps(Instant.EPOCH, Instant.EPOCH), timestamps);
  }

  @Test
  void currentTimestampForCreationUsesTheClock() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve("USE_CURRENT_TIMESTAMP", null, "2026-01-01T00:00:00Z", null);

    assertEquals(NOW, timestamps.creationTime());
    assertEquals(NEW_YEAR, timestamps.filesModificationTime());
  }

  @Test
  void currentTimestampForFilesIsRefused() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> resolve(null, "USE_CURRENT_TIMESTAMP", null, null));

    assertEquals(Setting.CONTAINER_FILES_MODIFICATION_TIME, e.setting());
    assertTrue(e.getMessage().contains("'USE_CURRENT_TIMESTAMP'"), e.getMessage());
    assertTrue(e.getMessage().endsWith(", EPOCH or EPOCH_PLUS_SECOND."), e.getMessage());
  }

  @Test
  void jibsEpochPlusSecondIsOneSecondAfterTheEpoch() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve("EPOCH_PLUS_SECOND", " EPOCH_PLUS_SECOND ", null, null);

    assertEquals(new BuildTimestamps(Instant.ofEpochSecond(1), Instant.ofEpochSecond(1)),
        timestamps);
  }

  @Test
  void outputTimestampIsoIsTheFallbackForBoth() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve(null, null, "2026-01-01T00:00:00Z", "1700000000");

    assertEquals(new BuildTimestamps(NEW_YEAR, NEW_YEAR), timestamps);
  }

  @Test
  void outputTimestampInSeconds() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve(null, null, " 1767225600 ", "1700000000");

    assertEquals(new BuildTimestamps(NEW_YEAR, NEW_YEAR), timestamps);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "x", "1"})
  void oneCharacterOutputTimestampIsIgnored(String value) throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve(null, null, value, "1767225600");

    assertEquals(new BuildTimestamps(NEW_YEAR, NEW_YEAR), timestamps);
  }

  @Test
  void sourceDateEpochIsUsedWithoutOutputTimestamp() throws InvalidConfigurationException {
    assertEquals(
        new BuildTimestamps(NEW_YEAR, NEW_YEAR), resolve(null, null, null, " 1767225600 "));
  }

  @Test
  void configuredValueIsUsedPerField() throws InvalidConfigurationException {
    BuildTimestamps timestamps = resolve(null, "EPOCH", null, "1767225600");

    assertEquals(NEW_YEAR, timestamps.creationTime());
    assertEquals(Instant.EPOCH, timestamps.filesModificationTime());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-01-01", "2026-01-01T00:00:00", "epoch", "1767225600"})
  void badCreationTimeNamesElement(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> resolve(value, null, null, null));

    assertEquals(Setting.CONTAINER_CREATION_TIME, e.setting());
    assertTrue(e.getMessage().contains("'" + value + "' is not an ISO-8601 date-time"),
        e.getMessage());
    assertTrue(e.getMessage().contains("USE_CURRENT_TIMESTAMP"), e.getMessage());
  }

  @Test
  void badFilesModificationTimeNamesElement() {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> resolve(null, "soon", null, null));

    assertEquals(Setting.CONTAINER_FILES_MODIFICATION_TIME, e.setting());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a date", "2026-13-01T00:00:00Z", "-1767225600",
      "99999999999999999999", "99999999999999999"})
  void badOutputTimestampNamesProperty(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> resolve(null, null, value, null));

    assertEquals(Setting.OUTPUT_TIMESTAMP, e.setting());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomorrow", "1.5", "99999999999999999999", "99999999999999999"})
  void badSourceDateEpochNamesVariable(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> resolve(null, null, null, value));

    assertEquals(Setting.SOURCE_DATE_EPOCH, e.setting());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
  }
}
