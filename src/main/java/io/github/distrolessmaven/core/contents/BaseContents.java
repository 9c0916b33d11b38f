package io.github.distrolessmaven.core.contents;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * What a base image's final filesystem holds that a security policy and an SBOM care about.
 *
 * @param shells the absolute paths of the shells, as a user would type them ({@code /bin/sh},
 *     {@code /busybox/sh}), sorted
 * @param packages the installed Debian packages, sorted by name, then architecture
 * @param javaRuntimes the Java runtimes, sorted by home
 * @param executables what the base can run, for the entrypoint's check
 */
public record BaseContents(List<String> shells, List<DebianPackage> packages,
    List<JavaRuntime> javaRuntimes, Executables executables) {

  private static final Comparator<DebianPackage> PACKAGE_ORDER =
      Comparator.comparing(DebianPackage::name)
          .thenComparing(
              DebianPackage::architecture, Comparator.nullsFirst(Comparator.naturalOrder()))
          // The rest only makes the order total, so equal contents always serialize alike.
          .thenComparing(DebianPackage::version)
          .thenComparing(pkg -> pkg.source().orElse(""));

  private static final Comparator<JavaRuntime> RUNTIME_ORDER =
      Comparator.comparing(JavaRuntime::home)
          .thenComparing(JavaRuntime::version)
          .thenComparing(runtime -> runtime.implementor().orElse(""));

  /** Sorted, immutable copies; null elements are refused. */
  public BaseContents {
    shells = List.copyOf(shells).stream().sorted().toList();
    packages = List.copyOf(packages).stream().sorted(PACKAGE_ORDER).toList();
    javaRuntimes = List.copyOf(javaRuntimes).stream().sorted(RUNTIME_ORDER).toList();
  }

  /** The contents as JSON: the same contents always give the same text. */
  public String toJson() {
    return BaseContentsJson.write(this);
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IOException when the text is not JSON, lacks a field, or was written in another format
   *     version
   */
  public static BaseContents fromJson(String json) throws IOException {
    return BaseContentsJson.read(json);
  }
}
