package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's, so {@code -q} and {@code -X} work as for any plugin. */
final class MavenBuildLog implements BuildLog {

  private final Log log;
  private final boolean interactive;
  private int barLength;

  MavenBuildLog(Log log) {
    this(log, false);
  }

  /**
   * @param interactive Maven runs interactively (not {@code -B}) on a console: progress is a
   *     bar redrawn in place rather than a line every few seconds
   */
  MavenBuildLog(Log log, boolean interactive) {
    this.log = log;
    this.interactive = interactive && System.console() != null;
  }

  @Override
  public boolean showsProgress() {
    return log.isInfoEnabled();
  }

  @Override
  public boolean interactive() {
    return interactive;
  }

  @Override
  public synchronized void bar(String text) {
    // Over the last bar: back to the line's start, the new text, blanks over what is left.
    String line = text.isEmpty() ? "" : "[INFO] " + text;
    System.out.print("\r" + line + " ".repeat(Math.max(0, barLength - line.length()))
        + (text.isEmpty() ? "\r" : ""));
    System.out.flush();
    barLength = line.length();
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
