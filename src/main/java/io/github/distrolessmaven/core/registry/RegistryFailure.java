package io.github.distrolessmaven.core.registry;

import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A registry request that failed: what was asked of which repository, what the registry answered
 * (status and its own error message) or why it could not be reached, and the fix where one is
 * known. The message is whole; callers add what they were doing.
 */
public final class RegistryFailure extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private RegistryFailure(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The registry's answer, or 0 when it could not be reached. */
  public int status() {
    return status;
  }

  /**
   * The registry answered, but not as asked.
   *
   * @param name {@code registry/repository}
   * @param request e.g. {@code PUT manifests/1}
   * @param registryMessage the registry's own error message, if it gave one
   */
  static RegistryFailure answered(String name, int status, String request, String registryMessage) {
    StringBuilder message = new StringBuilder(name).append(" answered HTTP ").append(status)
        .append(" to ").append(request);
    if (registryMessage != null && !registryMessage.isBlank()) {
      message.append(": ").append(registryMessage);
    }
    if (status == 401) {
      message.append(". ").append(CREDENTIALS_FIX);
    }
    return new RegistryFailure(message.toString(), status, null);
  }

  /** The registry asks for credentials there are none of, or that it refused. */
  static RegistryFailure unauthorized(String name, boolean hadCredentials) {
    return new RegistryFailure((hadCredentials
        ? "authentication with " + name + " failed: the registry refused the credentials given."
            + " Check the credentials for that registry"
        : "access denied to " + name + ". " + CREDENTIALS_FIX), 401, null);
  }

  /**
   * The registry wants credentials, which are never sent over plain HTTP.
   *
   * @param cause why HTTPS did not serve instead, if it was tried
   */
  static RegistryFailure credentialsOverPlainHttp(String name, Throwable cause) {
    return new RegistryFailure(name + " wants credentials, and they are never sent over plain"
        + " HTTP. Serve the registry over HTTPS; a self-signed certificate is accepted with "
        + Setting.ALLOW_INSECURE_REGISTRIES.element("true") + ".", 401, cause);
  }

  /** The registry could not be reached, or not over a scheme that is allowed. */
  static RegistryFailure unreachable(String registry, String name, IOException cause,
      boolean allowInsecure) {
    String why;
    if (cause instanceof UnknownHostException) {
      why = "unknown host " + registry + ". Check the image reference, or a "
          + Setting.REGISTRY_MIRRORS.element() + " entry for that registry.";
    } else if (cause instanceof ConnectException) {
      why = "cannot connect to " + registry + " (" + cause.getMessage() + "). Is the registry"
          + " running and reachable?";
    } else if (cause instanceof SocketTimeoutException) {
      why = registry + " did not answer in time (" + cause.getMessage() + ")."
          + (allowInsecure ? "" : " If it serves plain HTTP or a certificate that cannot be"
              + " verified, and you trust it, set " + Setting.ALLOW_INSECURE_REGISTRIES.element("true")
              + " or " + Setting.ALLOW_INSECURE_REGISTRIES.property("true") + ".");
    } else if (cause instanceof SSLException && !allowInsecure) {
      why = registry + " does not offer verified HTTPS (" + cause.getMessage() + "). If you"
          + " trust it, set " + Setting.ALLOW_INSECURE_REGISTRIES.element("true") + " or "
          + Setting.ALLOW_INSECURE_REGISTRIES.property("true") + ".";
    } else {
      why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
    return new RegistryFailure(name + ": " + why, 0, cause);
  }

  /**
   * A request that kept failing the way a busy or failing registry fails, until the retry
   * budget was spent.
   *
   * @param lastAnswer the last status and message, or why the connection failed
   * @param askedWait the wait the registry asked for last, when that is what did not fit
   */
  static RegistryFailure gaveUp(String name, String request, int attempts, Duration spent,
      String lastAnswer, Optional<Duration> askedWait, Duration budget) {
    StringBuilder message = new StringBuilder(name).append(" did not take ").append(request)
        .append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts")
        .append(" in ").append(RetryPolicy.text(spent))
        .append("; the last answer was ").append(lastAnswer);
    askedWait.ifPresent(wait -> message.append("; it asked to wait ")
        .append(RetryPolicy.text(wait)).append(" (Retry-After), more than is left of the ")
        .append(RetryPolicy.text(budget)).append(" a request may take"));
    message.append(". The registry is overloaded or failing: try again later, or ask its"
        + " operator.");
    int status = lastAnswer.startsWith("HTTP ") ? Integer.parseInt(lastAnswer.substring(5, 8)) : 0;
    return new RegistryFailure(message.toString(), status, null);
  }

  /** Something the registry sent that is not as the distribution API says. */
  static RegistryFailure unexpected(String name, String what) {
    return new RegistryFailure(name + " " + what, 0, null);
  }

  /** A request to the registry given up because the build's thread was interrupted. */
  public static RegistryFailure interrupted(String name, String what) {
    return new RegistryFailure(name + " was not asked to finish " + what + ": the build was"
        + " interrupted", 0, null);
  }

  private static final String CREDENTIALS_FIX = "Give credentials in "
      + Setting.AUTH.element() + ", a " + Setting.CREDENTIAL_SERVERS.element()
      + " whose id is the registry host, " + Setting.CRED_HELPER.element()
      + ", or the docker config.json.";
}
