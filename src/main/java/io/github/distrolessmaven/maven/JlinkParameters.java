package io.github.distrolessmaven.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code <jlink>}: a Java runtime linked for the application, on a base without one. */
public class JlinkParameters {

  /** Link a runtime. Property {@code distroless.jlink}. */
  private boolean enabled;

  /**
   * The JDK to link from: its home folder. Default the Maven toolchain's JDK, else the JDK
   * running Maven. Property {@code distroless.jlink.jdk}.
   */
  private File jdk;

  /** Modules added to those jdeps finds. Property {@code distroless.jlink.addModules}. */
  private List<String> addModules = new ArrayList<>();

  /** The complete module list, in place of what jdeps finds. */
  private List<String> modules = new ArrayList<>();

  /**
   * The JDK of each platform of a multi-platform image, {@code
   * <jdk><platform>linux/arm64</platform><home>/opt/jdk-17-arm64</home></jdk>}: each platform's
   * runtime is linked from its JDK's modules, by the jlink of {@code <jlink><jdk>}. This
   * machine's platform needs none (the JDK of {@code <jlink><jdk>} serves it); every other
   * platform built needs one. Property {@code distroless.jlink.jdks}, as {@code
   * linux/arm64=/opt/jdk-17-arm64}, comma-separated.
   */
  private List<JdkParameters> jdks = new ArrayList<>();

  /**
   * A class data sharing archive of the JDK's classes, for a faster start. Default on for JDK 21
   * and later, whose archives are the same on every link; off for older JDKs, whose are not.
   * Only a runtime for this machine's platform has one: jlink writes it by running the runtime.
   * Property {@code distroless.jlink.cds}.
   */
  private Boolean cds;

  boolean isEnabled() {
    return enabled;
  }

  File getJdk() {
    return jdk;
  }

  List<String> getAddModules() {
    return addModules == null ? List.of() : addModules;
  }

  List<String> getModules() {
    return modules == null ? List.of() : modules;
  }

  List<JdkParameters> getJdks() {
    return jdks == null ? List.of() : jdks;
  }

  Boolean getCds() {
    return cds;
  }
}
