package io.github.distrolessmaven.core.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/** Tar entry names as one path: what every reader of image archives and layers compares. */
public final class EntryNames {

  private EntryNames() {}

  /**
   * Resolves '.', '..' and leading or trailing slashes: "./a/../b/" and "/b" are both "b". A '..'
   * at the root stays there, so no name leaves the tree.
   */
  public static String normalize(String name) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : name.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    return String.join("/", segments);
  }
}
