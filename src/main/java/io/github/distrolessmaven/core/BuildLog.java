package io.github.distrolessmaven.core;

/** Where the core reports progress; the Maven adapter routes it to Maven's log, so {@code -q} silences it. */
public interface BuildLog {

  /** Progress and results a user wants to see. */
  void info(String message);

  /** Something the user should probably change. */
  void warn(String message);

  /** Details for {@code -X}. */
  void debug(String message);
}
