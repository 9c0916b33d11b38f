package io.github.distrolessmaven.core.engine;

import java.io.IOException;
import java.util.List;

/**
 * No Docker or Podman engine could be spoken to: none answered at any address tried, or
 * {@code DOCKER_HOST} names one this client cannot reach. The message lists every address with
 * why it failed, and says how to start an engine or point {@code DOCKER_HOST} at one.
 */
public final class EngineUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * One address tried.
   *
   * @param failure why it did not serve, e.g. {@code does not exist}
   */
  public record Attempt(EngineAddress address, String failure) {

    @Override
    public String toString() {
      String origin = address.origin().isEmpty() ? "" : " (" + address.origin() + ")";
      return address + origin + ": " + failure;
    }
  }

  static final String START_AN_ENGINE = "Start an engine (sudo systemctl start docker; for"
      + " Podman: sudo podman system service --time=0 unix:///run/podman/podman.sock, or"
      + " systemctl --user start podman.socket when rootless), or set "
      + EngineSockets.DOCKER_HOST + " to the socket of a running one, e.g. "
      + EngineSockets.DOCKER_HOST + "=unix:///run/user/1000/podman/podman.sock.";

  private final transient List<Attempt> attempts;

  private EngineUnavailableException(String message, List<Attempt> attempts) {
    super(message);
    this.attempts = List.copyOf(attempts);
  }

  /** Every address tried, in order, with why it failed; empty when none could be tried. */
  public List<Attempt> attempts() {
    return attempts;
  }

  /** None of {@code attempts} answered as an engine. */
  static EngineUnavailableException noneAnswered(List<Attempt> attempts) {
    StringBuilder message = new StringBuilder("No Docker or Podman engine answered. Tried:");
    for (Attempt attempt : attempts) {
      message.append("\n  ").append(attempt);
    }
    message.append("\n").append(START_AN_ENGINE);
    return new EngineUnavailableException(message.toString(), attempts);
  }

  /**
   * {@code DOCKER_HOST} is set to an address this client cannot speak to.
   *
   * @param why what is wrong with it and what to give instead
   */
  static EngineUnavailableException unusableDockerHost(String value, String why) {
    return new EngineUnavailableException(EngineSockets.DOCKER_HOST + "=" + value + " cannot be"
        + " used: " + why + ". Or unset " + EngineSockets.DOCKER_HOST + " to use the engine at"
        + " its default socket.", List.of());
  }
}
