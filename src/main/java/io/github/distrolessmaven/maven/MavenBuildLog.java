package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's, so {@code -q} and {@code -X} work as for any plugin. */
final class MavenBuildLog implements BuildLog {

  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String message) {
    log.info(SettingNames.render(message));
  }

  @Override
  public void warn(String message) {
    log.warn(SettingNames.render(message));
  }

  @Override
  public void debug(String message) {
    if (log.isDebugEnabled()) {
      log.debug(SettingNames.render(message));
    }
  }
}
