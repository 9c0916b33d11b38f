package io.github.distrolessmaven.core.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.registry.RetryPolicy;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Which of jib-core's failures a busy registry caused (those the build runs again), and what a
 * failure says.
 */
class JibFailuresTest {

  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void aDroppedConnectionDeepInJibCoresFailureIsABusyAnswer() {
    ExecutionException failure = new ExecutionException(
        new java.io.IOException("reading the base", new SocketException("Connection reset")));

    assertEquals(Optional.of("Connection reset"), JibFailures.busyAnswer(failure, policy));
  }

  @Test
  void anUnknownHostOrAnyOtherFailureIsNot() {
    assertEquals(Optional.empty(), JibFailures.busyAnswer(
        new ExecutionException(new UnknownHostException("registry.invalid")), policy));
    assertEquals(Optional.empty(),
        JibFailures.busyAnswer(new IllegalStateException("a bug"), policy));
  }

  @Test
  void aFullDiskSaysWhatToChange() {
    String message = JibFailures.describe(new ExecutionException(new java.io.IOException(
        "No space left on device")), "Assembling the image in /work/target/distroless")
        .getMessage();

    assertEquals("Assembling the image in /work/target/distroless failed: No space left on device."
        + " Make room on that disk, or point " + Setting.OUTPUT_PATHS_TAR.element() + " to a disk"
        + " with room: the image is assembled beside it.", message);
  }
}
