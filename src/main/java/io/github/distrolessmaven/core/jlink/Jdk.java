package io.github.distrolessmaven.core.jlink;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.contents.JavaRuntime;
import io.github.distrolessmaven.core.oci.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK that links runtimes: its home, its feature version and its {@code release} file, which
 * together say which JDK it is (a runtime linked from it is remembered by them).
 *
 * @param home the JDK's folder, real path
 * @param feature its feature version, e.g. 21
 * @param release the text of its {@code release} file
 */
public record Jdk(Path home, int feature, String release) {

  /** A {@code JAVA_VERSION}'s feature number: {@code 17} of 17.0.15, {@code 8} of 1.8.0_402. */
  private static final Pattern FEATURE = Pattern.compile("^(?:1\\.)?(\\d+)");

  /**
   * The JDK at {@code home}.
   *
   * @param setting the setting that named it, for a refusal
   * @throws InvalidConfigurationException when {@code home} is no JDK with {@code jlink}
   */
  public static Jdk at(Path home, Setting setting) throws InvalidConfigurationException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/jlink"))) {
      throw new InvalidConfigurationException(setting, "names " + home + ", which is not a JDK"
          + " with jlink (no release file or no bin/jlink). Name a JDK's home folder, e.g."
          + " /usr/lib/jvm/java-21-openjdk-amd64; a JRE cannot link.");
    }
    try {
      String text = Files.readString(release, StandardCharsets.UTF_8);
      Matcher version = FEATURE.matcher(
          JavaRuntime.releaseValues(text).getOrDefault("JAVA_VERSION", ""));
      if (!version.find()) {
        throw new InvalidConfigurationException(setting, "names " + home + ", whose release file"
            + " has no JAVA_VERSION. Name a JDK's home folder.");
      }
      return new Jdk(home.toRealPath(), Integer.parseInt(version.group(1)), text);
    } catch (IOException e) {
      throw new InvalidConfigurationException(setting, "names " + home + ", which cannot be"
          + " read: " + e.getMessage());
    }
  }

  /** The JDK running this build. */
  public static Jdk running() throws InvalidConfigurationException {
    return at(Path.of(System.getProperty("java.home")), Setting.JLINK_JDK);
  }

  /** Whether this build runs on it: its tools are then called in process. */
  public boolean isRunning() {
    try {
      return home.equals(Path.of(System.getProperty("java.home")).toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** Its packaged modules, if it has them; a JDK 24+ without them links from its own runtime. */
  public Optional<Path> jmods() {
    Path jmods = home.resolve("jmods");
    return Files.isDirectory(jmods) ? Optional.of(jmods) : Optional.empty();
  }

  /**
   * The platform its programs run on, as its {@code release} file names it ({@code OS_NAME},
   * {@code OS_ARCH}); empty when it names none.
   */
  public Optional<Platform> platform() {
    Optional<String> os = releaseValue("OS_NAME").filter(name -> !name.isBlank());
    Optional<String> architecture = releaseValue("OS_ARCH").filter(name -> !name.isBlank());
    return os.isEmpty() || architecture.isEmpty() ? Optional.empty()
        : Optional.of(Platform.of(os.get(), architecture.get()));
  }

  /**
   * Whether its programs run on {@code machine}: its platform is that one, or its release file
   * names none (a JDK of this machine, as far as anyone can tell).
   */
  public boolean runsOn(Platform machine) {
    return platform().orElse(machine).matches(machine);
  }

  /**
   * Whether {@code other}'s packaged modules are of the version this JDK's jlink links: the
   * same feature and interim version ({@code 17.0} of 17.0.15 and 17.0.21), as jlink demands.
   */
  public boolean linksModulesOf(Jdk other) {
    return featureAndInterim().equals(other.featureAndInterim());
  }

  /** {@code 17.0} of {@code JAVA_VERSION} 17.0.15, {@code 21.0} of 21. */
  public String featureAndInterim() {
    String[] parts = releaseValue("JAVA_VERSION").orElse("").split("[.+-]", -1);
    String interim = parts.length > 1 && parts[1].matches("\\d+") ? parts[1] : "0";
    return feature + "." + interim;
  }

  /** One of its {@code release} file's values, e.g. {@code IMPLEMENTOR}. */
  public Optional<String> releaseValue(String key) {
    return Optional.ofNullable(JavaRuntime.releaseValues(release).get(key));
  }
}
