package io.github.distrolessmaven.core.registry;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * When a registry request that failed is sent again, and how long the plugin waits first: the
 * answers a busy or failing registry gives (408, 429, 500, 502, 503, 504) and the connections it
 * drops are tried again after a delay that starts at {@code firstDelay} and doubles up to {@code
 * maxDelay}, less a random part of up to half of it (so that builds failing together do not
 * return together), or after the delay the registry asked for in {@code Retry-After}; a request
 * is given up when the next wait would pass {@code budget} since its first attempt.
 *
 * <p>A refusal (4xx other than 408 and 429), a host that does not exist and a TLS handshake that
 * fails are never tried again, nor any failed connection to a registry that has not answered in
 * this build: the same request gets the same answer, and the user is better served by the error
 * at once.
 *
 * @param firstDelay the wait before the second attempt
 * @param maxDelay the longest wait between two attempts the plugin chooses itself
 * @param budget the longest time from a request's first attempt to its last
 * @param sleeper how waiting is done; tests wait for nothing
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration budget,
    Sleeper sleeper) {

  /** Waits; the one place the policy touches the clock's flow. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real wait. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
  }

  /** The plugin's policy: 0.5 s, doubling to at most 15 s, for at most 3 minutes a request. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500),
      Duration.ofSeconds(15), Duration.ofMinutes(3), Sleeper.THREAD);

  /** The answers that say "not now" rather than "no". */
  static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  public RetryPolicy {
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || budget.isNegative()) {
      throw new IllegalArgumentException("delays must grow and not be negative");
    }
  }

  /** Whether an answer with this status is worth asking for again. */
  public boolean retries(int status) {
    return RETRIED_STATUSES.contains(status);
  }

  /**
   * Whether a request that failed this way is worth sending again: the connection was refused,
   * dropped or timed out, to a registry that answered earlier in this build (so it is there, and
   * the way to ask it is known: a registry restarting, a proxy dropping connections). Before a
   * registry answered, any failure is the answer; a host that is unknown and TLS that does not
   * handshake are never retried.
   *
   * @param answeredBefore whether the registry answered earlier in this build
   */
  public boolean retries(IOException failure, boolean answeredBefore) {
    if (!answeredBefore || failure instanceof UnknownHostException
        || failure instanceof SSLException || failure instanceof RegistryFailure) {
      return false;
    }
    return failure instanceof SocketException || failure instanceof SocketTimeoutException
        || failure instanceof EOFException || isPrematureEnd(failure);
  }

  /** The JDK's HTTP client reports a response cut short with plain IOExceptions. */
  private static boolean isPrematureEnd(IOException failure) {
    String message = failure.getMessage();
    return message != null && (message.contains("Premature EOF")
        || message.contains("Unexpected end of file") || message.contains("Error writing")
        || message.contains("Connection reset"));
  }

  /**
   * The wait before attempt {@code attempt + 1} (attempts count from 1), when the registry did
   * not say: {@code firstDelay * 2^(attempt-1)}, at most {@code maxDelay}, less a random part
   * of up to half of it.
   */
  public Duration backoff(int attempt) {
    long full = firstDelay.toMillis();
    for (int i = 1; i < attempt && full < maxDelay.toMillis(); i++) {
      full *= 2;
    }
    full = Math.min(full, maxDelay.toMillis());
    long jitter = full / 2 == 0 ? 0 : ThreadLocalRandom.current().nextLong(full / 2 + 1);
    return Duration.ofMillis(full - jitter);
  }

  /**
   * The wait a {@code Retry-After} header asks for: whole seconds, or an HTTP date.
   *
   * @param now the time the answer came, for a date
   * @return empty when there is no header or it is neither; zero for a date already past
   */
  public static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A duration as people read it: {@code 1.5 s}, {@code 2 min 5 s}; for waits in messages. */
  public static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 60_000) {
      return millis % 1000 == 0 ? millis / 1000 + " s"
          : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = duration.toSeconds();
    return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
  }
}
