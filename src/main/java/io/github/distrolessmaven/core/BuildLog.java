package io.github.distrolessmaven.core;

/** Where the core reports progress; the Maven adapter routes it to Maven's log, so {@code -q} silences it. */
public interface BuildLog {

  /** Progress and results a user wants to see. */
  void info(String message);

  /** Something the user should probably change. */
  void warn(String message);

  /** Details for {@code -X}. */
  void debug(String message);

  /** Whether progress is worth computing: info lines are shown (not under {@code -q}). */
  default boolean showsProgress() {
    return true;
  }

  /** Whether a live bar may be drawn: an interactive console, not batch mode or a CI log. */
  default boolean interactive() {
    return false;
  }

  /** Draws {@code text} over the last bar, on one line kept in place; empty clears it. */
  default void bar(String text) {}
}
