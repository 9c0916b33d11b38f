package io.github.distrolessmaven.core;

import java.util.Locale;

/** How sizes and digests are written in the build's log lines, the same in every one. */
public final class LogText {

  private LogText() {}

  /** "0.5 kB" below a megabyte, else "54.5 MB"; a point as the decimal mark in every locale. */
  public static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** "sha256:" and the digest's first 12 hex digits, as registries' tools show it. */
  public static String shortDigest(String digest) {
    return digest.substring(0, "sha256:".length() + 12);
  }
}
