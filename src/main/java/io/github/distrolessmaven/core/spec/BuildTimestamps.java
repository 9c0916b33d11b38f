package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The two timestamps an image carries: the config's {@code created} and the files' modification
 * time. Fixed by default, so that the same sources give the same digest whatever the clock.
 *
 * @param creationTime the image config's creation time
 * @param filesModificationTime the modification time of every file the plugin adds
 */
public record BuildTimestamps(Instant creationTime, Instant filesModificationTime) {

  /**
   * Resolves the chain: the configured value, else {@code project.build.outputTimestamp}, else
   * {@code SOURCE_DATE_EPOCH}, else the epoch.
   *
   * @param creationTime {@code <container><creationTime>}: ISO-8601, {@code EPOCH} or {@code USE_CURRENT_TIMESTAMP}
   * @param filesModificationTime {@code <container><filesModificationTime>}: ISO-8601 or {@code EPOCH}
   * @param outputTimestamp Maven's {@code project.build.outputTimestamp}: ISO-8601 or epoch seconds;
   *     a value shorter than two characters means unset, as in Maven
   * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, in seconds
   * @param clock for {@code USE_CURRENT_TIMESTAMP}
   */
  public static BuildTimestamps resolve(
      String creationTime,
      String filesModificationTime,
      String outputTimestamp,
      String sourceDateEpoch,
      Clock clock)
      throws InvalidConfigurationException {
    Instant fallback = fallback(outputTimestamp, sourceDateEpoch);
    return new BuildTimestamps(
        configured(creationTime, Setting.CONTAINER_CREATION_TIME, fallback, clock),
        configured(filesModificationTime, Setting.CONTAINER_FILES_MODIFICATION_TIME, fallback,
            null));
  }

  private static Instant fallback(String outputTimestamp, String sourceDateEpoch)
      throws InvalidConfigurationException {
    if (outputTimestamp != null && outputTimestamp.trim().length() >= 2) {
      String value = outputTimestamp.trim();
      if (value.chars().allMatch(Character::isDigit)) {
        try {
          return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
          throw new InvalidConfigurationException(
              Setting.OUTPUT_TIMESTAMP,
              "'" + value + "' is too large for seconds since 1970. Write it like"
                  + " 2026-01-01T00:00:00Z or 1767225600.");
        }
      }
      return iso(value, Setting.OUTPUT_TIMESTAMP);
    }
    if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim()));
      } catch (NumberFormatException | DateTimeException e) {
        throw new InvalidConfigurationException(
            Setting.SOURCE_DATE_EPOCH,
            "'" + sourceDateEpoch + "' is not a number of seconds since 1970. Set the environment"
                + " variable to e.g. 1767225600, or unset it.");
      }
    }
    return Instant.EPOCH;
  }

  /**
   * A configured time: an ISO-8601 date-time, or one of Jib's words for one: {@code EPOCH},
   * {@code EPOCH_PLUS_SECOND} (Jib's default for files, 1970-01-01T00:00:01Z) and, for the
   * creation time alone, as Jib has it, {@code USE_CURRENT_TIMESTAMP} (the build's time: the
   * image is then not reproducible).
   *
   * @param clock the build's clock; null where the current time is not a choice (the files')
   */
  private static Instant configured(String value, Setting setting, Instant fallback, Clock clock)
      throws InvalidConfigurationException {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String trimmed = value.trim();
    if (trimmed.equals("USE_CURRENT_TIMESTAMP") && clock != null) {
      return clock.instant();
    }
    return switch (trimmed) {
      case "EPOCH" -> Instant.EPOCH;
      case "EPOCH_PLUS_SECOND" -> Instant.ofEpochSecond(1);
      default -> iso(trimmed, setting);
    };
  }

  private static Instant iso(String value, Setting setting) throws InvalidConfigurationException {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidConfigurationException(
          setting,
          "'" + value + "' is not an ISO-8601 date-time. Write it like 2026-01-01T00:00:00Z"
              + (setting == Setting.CONTAINER_CREATION_TIME
                  ? ", EPOCH, EPOCH_PLUS_SECOND or USE_CURRENT_TIMESTAMP."
                  : setting == Setting.CONTAINER_FILES_MODIFICATION_TIME
                      ? ", EPOCH or EPOCH_PLUS_SECOND." : "."));
    }
  }
}
