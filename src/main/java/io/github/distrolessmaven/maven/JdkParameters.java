package io.github.distrolessmaven.maven;

import java.io.File;

/**
 * {@code <jlink><jdks><jdk>}: a JDK of one platform of the image, whose packaged modules that
 * platform's runtime is linked from.
 */
public class JdkParameters {

  /**
   * The platform, as {@code os/architecture[/variant]}: {@code linux/arm64}. A JDK for a platform
   * the image is not built for is not used.
   */
  private String platform;

  /**
   * The JDK's home folder, e.g. an arm64 JDK unpacked on this machine. For another platform than
   * this machine's it needs its {@code jmods/} folder, and the same feature and interim version
   * ({@code 17.0}, {@code 21.0}) as the JDK that runs jlink here ({@code <jlink><jdk>}).
   */
  private File home;

  String getPlatform() {
    return platform;
  }

  File getHome() {
    return home;
  }
}
