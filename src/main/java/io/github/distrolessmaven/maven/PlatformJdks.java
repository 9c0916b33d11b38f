package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.jlink.Jdk;
import io.github.distrolessmaven.core.oci.Platform;
import io.github.distrolessmaven.core.spec.Platforms;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <jlink><jdks>} (or {@code distroless.jlink.jdks}) as a build reads it: the JDK whose
 * modules each platform's runtime is linked from, chosen and checked before anything is linked.
 */
final class PlatformJdks {

  private final AbstractDistrolessMojo mojo;

  PlatformJdks(AbstractDistrolessMojo mojo) {
    this.mojo = mojo;
  }

  /**
   * The JDK whose modules each platform's runtime is linked from, every one checked before any
   * is linked.
   *
   * @param jdk the JDK that runs jlink, which serves this machine's platform unless {@code
   *     <jlink><jdks>} names another
   */
  Map<Platform, Jdk> of(List<Platform> platforms, Jdk jdk, Platform host, int release)
      throws InvalidConfigurationException {
    Map<Platform, File> named = namedJdks();
    Map<Platform, Jdk> jdks = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      Optional<File> home = named.entrySet().stream()
          .filter(entry -> entry.getKey().matches(platform))
          .map(Map.Entry::getValue).findFirst();
      Jdk target;
      if (home.isPresent()) {
        target = Jdk.at(home.get().toPath(), Setting.JLINK_JDKS);
        if (target.platform().isPresent() && !target.platform().get().matches(platform)) {
          throw new InvalidConfigurationException(Setting.JLINK_JDKS, "names " + target.home()
              + " for " + platform + ", and its release file says it is a JDK for "
              + target.platform().get() + ". Name a JDK of " + platform + ".");
        }
      } else if (platform.matches(host)) {
        target = jdk;
      } else {
        throw new InvalidConfigurationException(Setting.JLINK_JDKS, "names no JDK for "
            + platform + ", which the image is built for (" + Setting.FROM_PLATFORMS.element()
            + "): jlink links a platform's runtime from a JDK of that platform, and this machine"
            + " is " + host + ". Add <jdk><platform>" + platform + "</platform><home>its JDK's"
            + " folder</home></jdk> to " + Setting.JLINK_JDKS.element() + " (or " + platform
            + "=its folder to " + Setting.JLINK_JDKS.propertyName() + "), or build for " + host
            + " alone.");
      }
      if (target.feature() < release) {
        // Named in the setting the message starts with: the mojo names the property if given.
        boolean linking = target == jdk;
        throw new InvalidConfigurationException(linking ? Setting.JLINK_JDK : Setting.JLINK_JDKS,
            "Java " + target.feature() + " (" + target.home() + ") is older than release "
            + release + ", which the project is compiled for: its runtime would not run the"
            + " classes. Name a JDK " + release + " or newer"
            + (linking ? " (or a Maven toolchain's)." : "."));
      }
      if (!target.runsOn(host)) {
        if (target.jmods().isEmpty()) {
          throw new InvalidConfigurationException(Setting.JLINK_JDKS, "names " + target.home()
              + " for " + platform + ", which has no jmods folder: a runtime for another"
              + " platform is linked from that JDK's packaged modules. Name a JDK with jmods/"
              + " (on Debian, openjdk-N-jdk-headless has them).");
        }
        if (!jdk.linksModulesOf(target)) {
          throw new InvalidConfigurationException(Setting.JLINK_JDKS, "names " + target.home()
              + " (Java " + target.featureAndInterim() + ") for " + platform + ", and jlink of "
              + jdk.home() + " (Java " + jdk.featureAndInterim() + ") links modules of its own"
              + " version only. Name JDKs of one feature and interim version in "
              + Setting.JLINK_JDK.element() + " and " + Setting.JLINK_JDKS.element() + ".");
        }
      }
      jdks.put(platform, target);
    }
    return jdks;
  }

  /** {@code <jlink><jdks>} or its property: each JDK's home by its platform. */
  private Map<Platform, File> namedJdks() throws InvalidConfigurationException {
    String property = mojo.property(Properties.JLINK + ".jdks", null);
    Map<Platform, File> named = new LinkedHashMap<>();
    if (property != null) {
      for (String item : Properties.items(property)) {
        int equals = item.indexOf('=');
        if (equals < 0) {
          throw InvalidConfigurationException.inProperty(Setting.JLINK_JDKS, "'" + item
              + "' names no JDK. Write platform=home, comma-separated, e.g."
              + " linux/arm64=/opt/jdk-17-arm64.");
        }
        put(named, Platforms.one(item.substring(0, equals), Setting.JLINK_JDKS),
            new File(item.substring(equals + 1).trim()));
      }
      return named;
    }
    for (JdkParameters jdk : mojo.jlink.getJdks()) {
      if (jdk == null || jdk.getPlatform() == null || jdk.getHome() == null) {
        throw new InvalidConfigurationException(Setting.JLINK_JDKS, "each <jdk> needs a"
            + " <platform> and a <home>, e.g. <platform>linux/arm64</platform>"
            + "<home>/opt/jdk-17-arm64</home>.");
      }
      put(named, Platforms.one(jdk.getPlatform(), Setting.JLINK_JDKS), jdk.getHome());
    }
    return named;
  }

  private static void put(Map<Platform, File> named, Platform platform, File home)
      throws InvalidConfigurationException {
    if (named.keySet().stream().anyMatch(platform::matches)) {
      throw new InvalidConfigurationException(Setting.JLINK_JDKS,
          "names two JDKs for " + platform + ". Name one.");
    }
    named.put(platform, home);
  }
}
