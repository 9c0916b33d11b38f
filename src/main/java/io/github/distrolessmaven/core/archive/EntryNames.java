package io.github.distrolessmaven.core.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Names inside an image, as one relative path with '/': what every reader of archives, layouts
 * and layers compares. "./a/b/", "/a/b" and "a//b" are all "a/b".
 */
public final class EntryNames {

  private EntryNames() {}

  /**
   * The name of an archive entry or layout file. A name that leads out of the tree ("../x",
   * "a/../../x") names nothing: it is empty, and no reader may take it for a file of the tree.
   */
  public static Optional<String> entry(String name) {
    return Optional.ofNullable(normalize(name, false));
  }

  /**
   * A path in an image's file system, as the kernel resolves it: ".." at the root stays at the
   * root. For link targets, which may say "../../bin/sh" from anywhere.
   */
  public static String path(String path) {
    return normalize(path, true);
  }

  private static String normalize(String name, boolean clampAtRoot) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : name.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (!segment.equals("..")) {
        segments.addLast(segment);
      } else if (!segments.isEmpty()) {
        segments.pollLast();
      } else if (!clampAtRoot) {
        return null;
      }
    }
    return String.join("/", segments);
  }
}
