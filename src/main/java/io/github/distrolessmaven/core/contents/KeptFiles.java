package io.github.distrolessmaven.core.contents;

/**
 * The few files whose content a scan keeps: dpkg's package records and Java runtimes' {@code
 * release} files. Everything else is kept as a name and a type only.
 */
enum KeptFiles {
  /** {@code var/lib/dpkg/status} or a file of {@code var/lib/dpkg/status.d/}. */
  DPKG_STATUS,
  /** {@code usr/lib/jvm/NAME/release}: a runtime's home by Debian's convention. */
  JVM_RELEASE,
  /**
   * Any other {@code release} under {@code usr/lib/jvm} or {@code opt}: a runtime's home only when
   * a {@code bin/java} sits beside it, which is known only once every layer is applied.
   */
  RELEASE_IF_BESIDE_JAVA;

  /**
   * Larger files are not kept, so a hostile layer cannot fill the heap. A status.d record or a
   * release file is a few kilobytes; a full Debian status file passes 1 MiB only at around 500
   * packages, far beyond any base this plugin builds on.
   */
  static final int MAX_SIZE = 1 << 20;

  private static final String STATUS_D = "var/lib/dpkg/status.d/";

  /**
   * What the file at {@code path} (normalized, links in its parents resolved) is to the scan.
   *
   * @return its role, or null when its content is not kept
   */
  static KeptFiles of(String path) {
    if (path.equals("var/lib/dpkg/status")) {
      return DPKG_STATUS;
    }
    if (path.startsWith(STATUS_D)) {
      String name = path.substring(STATUS_D.length());
      // rules_distroless writes NAME.md5sums beside each record: large, and no package in it.
      return name.contains("/") || name.endsWith(".md5sums") ? null : DPKG_STATUS;
    }
    if (!path.endsWith("/release")) {
      return null;
    }
    if (path.startsWith("usr/lib/jvm/")) {
      String home = path.substring("usr/lib/jvm/".length(), path.length() - "/release".length());
      return home.contains("/") ? RELEASE_IF_BESIDE_JAVA : JVM_RELEASE;
    }
    return path.startsWith("opt/") ? RELEASE_IF_BESIDE_JAVA : null;
  }
}
