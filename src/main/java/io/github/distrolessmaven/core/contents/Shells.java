package io.github.distrolessmaven.core.contents;

import java.util.ArrayList;
import java.util.List;

/** Finds the shells of a filesystem: the paths a user or an exploit would run one by. */
final class Shells {

  /** Where a shell is looked for; {@code /busybox} is distroless's :debug layout. */
  private static final List<String> DIRECTORIES =
      List.of("bin", "usr/bin", "sbin", "usr/sbin", "usr/local/bin", "busybox");

  /** busybox runs as sh when named so; a policy refusing shells must refuse it too. */
  private static final List<String> NAMES =
      List.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "rbash", "busybox");

  private Shells() {}

  /**
   * The absolute paths, as looked up ({@code /bin/sh}, not the {@code /usr/bin/dash} it leads to),
   * that resolve to a regular file, sorted.
   */
  static List<String> in(FileTree tree) {
    List<String> shells = new ArrayList<>();
    for (String directory : DIRECTORIES) {
      for (String name : NAMES) {
        String path = directory + "/" + name;
        if (tree.isRegularFile(path)) {
          shells.add("/" + path);
        }
      }
    }
    shells.sort(null);
    return shells;
  }
}
