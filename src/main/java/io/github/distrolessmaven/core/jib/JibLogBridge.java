package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import io.github.distrolessmaven.core.BuildLog;
import java.util.function.Consumer;

/** Routes Jib's log events to the build log: lifecycle and progress (per layer) as info. */
final class JibLogBridge implements Consumer<LogEvent> {

  private final BuildLog log;

  JibLogBridge(BuildLog log) {
    this.log = log;
  }

  @Override
  public void accept(LogEvent event) {
    if (isInsecureFallback(event.getMessage())) {
      // Only printed when the user allowed insecure registries: expected, not worth a warning.
      log.debug(event.getMessage());
      return;
    }
    switch (event.getLevel()) {
      case ERROR:
      case WARN:
        log.warn(event.getMessage());
        break;
      case LIFECYCLE:
      case PROGRESS:
        log.info(event.getMessage());
        break;
      default:
        log.debug(event.getMessage());
    }
  }

  private static boolean isInsecureFallback(String message) {
    return message.startsWith("Cannot verify server at ")
        || (message.startsWith("Failed to connect to ") && message.contains(" over HTTPS."));
  }
}
