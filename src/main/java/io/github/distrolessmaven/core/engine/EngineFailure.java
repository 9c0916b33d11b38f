package io.github.distrolessmaven.core.engine;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A request to an engine that answered its ping but then failed: it has no such image, it
 * refused what it was sent (with its own message), or the connection broke mid-way. The message
 * names the engine's address and what was asked; callers add what they were doing.
 */
public final class EngineFailure extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private EngineFailure(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The engine's HTTP status, or 0 when it gave none (the connection broke, a bad answer). */
  public int status() {
    return status;
  }

  /**
   * The engine answered a request with a status other than the one asked for.
   *
   * @param request e.g. {@code POST /images/load}
   * @param engineMessage the engine's own error message, if it gave one
   */
  static EngineFailure answered(EngineAddress engine, int status, String request,
      String engineMessage) {
    StringBuilder message = new StringBuilder("The engine at ").append(engine)
        .append(" answered HTTP ").append(status).append(" to ").append(request);
    if (engineMessage != null && !engineMessage.isBlank()) {
      message.append(": ").append(engineMessage.strip());
    }
    return new EngineFailure(message.toString(), status, null);
  }

  /**
   * The engine has no image by that name or id.
   *
   * @param command {@code docker} or {@code podman}, whichever the engine is
   */
  static EngineFailure noSuchImage(EngineAddress engine, String reference, String command) {
    return new EngineFailure("The engine at " + engine + " has no image " + reference
        + "; pull or build it first: " + command + " pull " + reference, 404, null);
  }

  /** The engine took an image archive, then said in its answer that it could not load it. */
  static EngineFailure loadRefused(EngineAddress engine, String engineMessage) {
    return new EngineFailure("The engine at " + engine + " did not load the image archive: "
        + engineMessage.strip(), 0, null);
  }

  /** The engine's answer is not what its API says, e.g. an image without an Id. */
  static EngineFailure unexpected(EngineAddress engine, String request, String what) {
    return new EngineFailure("The engine at " + engine + " answered " + request + " " + what,
        0, null);
  }

  /**
   * The exchange broke: the engine closed the connection, stopped sending, or the build's
   * thread was interrupted.
   *
   * @param doing what was under way, e.g. {@code reading image app:1}
   */
  static EngineFailure broken(EngineAddress engine, String doing, IOException cause) {
    String why = cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()
        ? "the build was interrupted"
        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new EngineFailure("Lost the engine at " + engine + " while " + doing + ": " + why,
        0, cause);
  }
}
