package io.github.distrolessmaven.core.registry;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The attempts of one request, under a {@link RetryPolicy}: after each failed attempt it says
 * whether to send the request again, having waited, or gives up with a {@link RegistryFailure}
 * that names the registry, the request, the attempts and the last answer.
 */
final class Retry {

  private final Registries registries;
  private final String registry;
  private final String name;
  private final String request;
  private final Instant start = Instant.now();
  private int attempts;
  /** The waits asked of the sleeper, and how long they really took: a test's sleeper takes none. */
  private Duration waited = Duration.ZERO;
  private Duration slept = Duration.ZERO;

  /**
   * @param registry the host whose 429 answers hold back every request to it
   * @param name {@code registry/repository}, as messages name it
   * @param request e.g. {@code PUT manifests/1}
   */
  Retry(Registries registries, String registry, String name, String request) {
    this.registries = registries;
    this.registry = registry;
    this.name = name;
    this.request = request;
  }

  /** Waits while the registry has asked everyone to wait (a 429 to another request). */
  void awaitTurn() throws RegistryFailure {
    Optional<Instant> until = registries.heldUntil(registry);
    if (until.isPresent() && until.get().isAfter(now())) {
      sleep(Duration.between(now(), until.get()));
    }
  }

  /** The time as this request sees it: the clock's, plus what its sleeper was asked but took not. */
  private Instant now() {
    return Instant.now().plus(waited.minus(slept));
  }

  /**
   * After an answer: whether it is one to ask again for. When it is, the wait is done here.
   *
   * @param retryAfter the answer's {@code Retry-After} header, if any
   * @param registryMessage the registry's error message, if any, for the log and the failure
   * @throws RegistryFailure when the budget does not allow another attempt
   */
  boolean afterAnswer(int status, String retryAfter, String registryMessage)
      throws RegistryFailure {
    attempts++;
    if (!registries.retryPolicy.retries(status)) {
      return false;
    }
    Optional<Duration> asked = RetryPolicy.retryAfter(retryAfter, now());
    Duration wait = asked.map(this::atLeastFirstDelay)
        .orElseGet(() -> registries.retryPolicy.backoff(attempts));
    if (status == 429) {
      registries.holdOff(registry, now().plus(wait));
    }
    String answer = "HTTP " + status + (registryMessage == null ? "" : " (" + registryMessage + ")");
    waitOrGiveUp(answer, wait, asked.isPresent());
    return true;
  }

  /**
   * After a request that failed without an answer: whether to send it again, having waited.
   *
   * @throws RegistryFailure when the budget does not allow another attempt
   */
  boolean afterFailure(IOException failure) throws RegistryFailure {
    attempts++;
    if (!registries.retryPolicy.retries(failure, registries.answeredBefore(registry))) {
      return false;
    }
    String why = failure.getMessage() == null
        ? failure.getClass().getSimpleName() : failure.getMessage();
    waitOrGiveUp(why, registries.retryPolicy.backoff(attempts), false);
    return true;
  }

  private Duration atLeastFirstDelay(Duration asked) {
    Duration first = registries.retryPolicy.firstDelay();
    return asked.compareTo(first) < 0 ? first : asked;
  }

  private void waitOrGiveUp(String answer, Duration wait, boolean askedByRegistry)
      throws RegistryFailure {
    Duration spent = Duration.between(start, now());
    Duration budget = registries.retryPolicy.budget();
    if (spent.plus(wait).compareTo(budget) > 0) {
      throw RegistryFailure.gaveUp(name, request, attempts, spent, answer,
          askedByRegistry ? Optional.of(wait) : Optional.empty(), budget);
    }
    registries.log.warn(name + ": " + request + " got " + answer + "; trying again in "
        + RetryPolicy.text(wait) + (askedByRegistry ? " as the registry asked" : "")
        + " (attempt " + (attempts + 1) + ")");
    sleep(wait);
  }

  private void sleep(Duration wait) throws RegistryFailure {
    long before = System.nanoTime();
    try {
      registries.retryPolicy.sleeper().sleep(wait);
      waited = waited.plus(wait);
      slept = slept.plus(Duration.ofNanos(System.nanoTime() - before));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryFailure.unexpected(name, "request " + request
          + " was interrupted while waiting to try again");
    }
  }
}
