package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void theWaitDoublesFromHalfASecondToFifteenLessAtMostHalfOfIt() {
    long[] full = {500, 1000, 2000, 4000, 8000, 15000, 15000, 15000};
    for (int attempt = 1; attempt <= full.length; attempt++) {
      for (int sample = 0; sample < 200; sample++) {
        long wait = policy.backoff(attempt).toMillis();
        long expected = full[attempt - 1];
        assertTrue(wait <= expected && wait >= expected / 2,
            "attempt " + attempt + " waited " + wait + " ms, not within " + expected / 2 + ".."
                + expected);
      }
    }
  }

  @Test
  void theWaitIsJittered() {
    long distinct = java.util.stream.IntStream.range(0, 50)
        .mapToLong(i -> policy.backoff(4).toMillis()).distinct().count();
    assertTrue(distinct > 5, "builds failing together do not come back together");
  }

  @Test
  void theDefaultBudgetIsThreeMinutes() {
    assertEquals(Duration.ofMinutes(3), policy.budget());
  }

  @Test
  void busyAndFailingAnswersAreRetriedRefusalsAreNot() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertTrue(policy.retries(status), "HTTP " + status);
    }
    for (int status : new int[] {200, 201, 400, 401, 403, 404, 405, 409, 413, 501, 505}) {
      assertFalse(policy.retries(status), "HTTP " + status);
    }
  }

  @Test
  void droppedConnectionsAreRetriedOnceTheRegistryAnswered() {
    for (IOException failure : new IOException[] {new SocketException("Connection reset"),
        new SocketTimeoutException("Read timed out"), new EOFException(),
        new IOException("Premature EOF"), new ConnectException("Connection refused")}) {
      assertTrue(policy.retries(failure, true), failure.toString());
      assertFalse(policy.retries(failure, false), "before it answered: " + failure);
    }
  }

  @Test
  void unknownHostsAndFailedHandshakesAreNeverRetried() {
    assertFalse(policy.retries(new UnknownHostException("registry.invalid"), true));
    assertFalse(policy.retries(new SSLHandshakeException("PKIX path building failed"), true));
    assertFalse(policy.retries(new IOException("something else"), true));
  }

  @Test
  void retryAfterInSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(7)),
        RetryPolicy.retryAfter(" 7 ", Instant.now()));
    assertEquals(Optional.of(Duration.ZERO), RetryPolicy.retryAfter("0", Instant.now()));
  }

  @Test
  void retryAfterAsAnHttpDate() {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(90)),
        RetryPolicy.retryAfter("Thu, 03 Dec 2026 10:01:30 GMT", now));
    assertEquals(Optional.of(Duration.ZERO),
        RetryPolicy.retryAfter("Thu, 03 Dec 2026 09:59:00 GMT", now), "a date already past");
  }

  @Test
  void aRetryAfterThatIsNeitherIsIgnored() {
    Instant now = Instant.now();
    assertEquals(Optional.empty(), RetryPolicy.retryAfter(null, now));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter("", now));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter("soon", now));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter("-5", now));
    assertEquals(Optional.empty(), RetryPolicy.retryAfter("99999999999999999999999", now));
  }

  @Test
  void waitsAreSaidAsPeopleReadThem() {
    assertEquals("2 s", RetryPolicy.text(Duration.ofSeconds(2)));
    assertEquals("1.5 s", RetryPolicy.text(Duration.ofMillis(1500)));
    assertEquals("0.3 s", RetryPolicy.text(Duration.ofMillis(250)));
    assertEquals("3 min", RetryPolicy.text(Duration.ofMinutes(3)));
    assertEquals("2 min 5 s", RetryPolicy.text(Duration.ofSeconds(125)));
  }
}
