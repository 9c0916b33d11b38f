package io.github.distrolessmaven.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec-form entrypoint: the JVM started directly, with no shell in between, so that it is PID
 * 1 and receives signals, and so that the image needs no shell at all.
 */
public final class Entrypoint {

  /** distroless Java images link the JRE's launcher here. */
  public static final String JAVA = "/usr/bin/java";

  private Entrypoint() {}

  /**
   * @param launcher the absolute path of the {@code java} that runs it: {@link #JAVA}, or a
   *     linked runtime's
   * @param jvmFlags the user's {@code <jvmFlags>}, in order
   * @param classpath absolute image paths, in Maven's runtime order
   * @param mainClass the class to run
   * @return {@code <launcher> <jvmFlags> -cp <classpath> <mainClass>}
   */
  public static List<String> java(String launcher, List<String> jvmFlags, List<String> classpath,
      String mainClass) {
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add(launcher);
    entrypoint.addAll(jvmFlags);
    entrypoint.add("-cp");
    entrypoint.add(String.join(":", classpath));
    entrypoint.add(mainClass);
    return entrypoint;
  }
}
