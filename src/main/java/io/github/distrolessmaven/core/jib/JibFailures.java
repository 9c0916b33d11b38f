package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.registry.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Turns what jib-core throws into one message that names what was being read or written and the
 * cause, with the fix where we know it. The only place that knows Jib's exception types.
 */
final class JibFailures {

  /** How Linux says a disk is full. */
  private static final String NO_ROOM = "No space left on device";

  private JibFailures() {}

  /**
   * @param failure what Jib threw (an {@link ExecutionException} is unwrapped)
   * @param subject what was being done, e.g. "pushing 127.0.0.1:5000/app:1"
   */
  static ImageBuildException describe(Throwable failure, String subject) {
    Throwable cause = failure;
    while (cause instanceof ExecutionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return new ImageBuildException("Failed: " + subject);
    }
    return new ImageBuildException(subject + " failed: " + explain(cause), cause);
  }

  /**
   * What a busy or failing registry answered jib-core, when that is why it failed: a status the
   * retry policy sends again, or a dropped connection. Empty for every other failure.
   */
  static Optional<String> busyAnswer(Throwable failure, RetryPolicy policy) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResponseException response) {
        return policy.retries(response.getStatusCode())
            ? Optional.of("HTTP " + response.getStatusCode()) : Optional.empty();
      }
      if (cause instanceof IOException io && policy.retries(io, true)) {
        return Optional.of(io.getMessage() == null
            ? io.getClass().getSimpleName() : io.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Why a registry call failed, with the fix where we know it. */
  static String explain(Throwable cause) {
    if (cause instanceof InsecureRegistryException) {
      return "the registry does not offer verified HTTPS (" + cause.getMessage() + "). If you trust"
          + " it, set " + Setting.ALLOW_INSECURE_REGISTRIES.element("true") + " or "
          + Setting.ALLOW_INSECURE_REGISTRIES.property("true") + ".";
    }
    if (cause instanceof RegistryCredentialsNotSentException) {
      return "the registry wants credentials, and they are never sent over plain HTTP ("
          + cause.getMessage() + "). Serve the registry over HTTPS; a self-signed certificate"
          + " is accepted with " + Setting.ALLOW_INSECURE_REGISTRIES.element("true") + ".";
    }
    if (cause instanceof RegistryUnauthorizedException) {
      RegistryUnauthorizedException e = (RegistryUnauthorizedException) cause;
      return "access denied to " + e.getImageReference() + ". Give"
          + " credentials in " + Setting.AUTH.element() + ", a " + Setting.CREDENTIAL_SERVERS.element()
          + " whose id is the registry host, " + Setting.CRED_HELPER.element()
          + ", or the docker config.json.";
    }
    if (cause instanceof RegistryAuthenticationFailedException) {
      RegistryAuthenticationFailedException e = (RegistryAuthenticationFailedException) cause;
      return "authentication with " + e.getServerUrl() + " for " + e.getImageName() + " failed: "
          + rootMessage(e) + ". Check the credentials for that registry.";
    }
    if (cause instanceof CredentialRetrievalException) {
      return "credentials could not be read: " + rootMessage(cause);
    }
    if (cause instanceof UnknownHostException) {
      return "unknown host " + cause.getMessage() + ". Check the image reference, or a"
          + " " + Setting.REGISTRY_MIRRORS.element() + " entry for that registry.";
    }
    if (cause instanceof ConnectException) {
      return "cannot connect (" + cause.getMessage() + "). Is the registry running and reachable?";
    }
    if (cause instanceof ResponseException) {
      return "the registry answered HTTP " + ((ResponseException) cause).getStatusCode() + ": "
          + rootMessage(cause);
    }
    String message = rootMessage(cause);
    if (message.contains(NO_ROOM)) {
      // The file jib-core was writing is the plugin's hidden one; where it was is in the subject.
      return NO_ROOM + ". Make room on that disk, or point " + Setting.OUTPUT_PATHS_TAR.element()
          + " to a disk with room: the image is assembled beside it.";
    }
    return message;
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == cause ? message : cause.getMessage() + " (" + message + ")";
  }
}
