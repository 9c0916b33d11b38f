package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.jlink.Jdk;
import io.github.distrolessmaven.core.jlink.RuntimeLinker;
import io.github.distrolessmaven.core.jlink.RuntimeModules;
import io.github.distrolessmaven.core.layers.LayerPlanner;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.oci.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.toolchain.Toolchain;

/**
 * {@code <jlink>} as a module's build sees it: whether to link a runtime, from which JDK, with
 * which modules; and the runtime, linked (or found linked before) and made a layer.
 */
final class JlinkSettings {

  /** Where the linked runtime goes in the image; its {@code bin/java} starts the application. */
  static final String HOME = "/usr/lib/jvm/jre";

  private final AbstractDistrolessMojo mojo;
  private final BuildLog log;

  JlinkSettings(AbstractDistrolessMojo mojo, BuildLog log) {
    this.mojo = mojo;
    this.log = log;
  }

  /** Whether a runtime is linked: the property's word, else the POM's. */
  boolean enabled() {
    return mojo.jlinkEnabled();
  }

  /**
   * Links the runtime of each platform (or finds it linked) and gives its layer, in the
   * platforms' order: this machine's platform's from the JDK of {@code <jlink><jdk>}, or one
   * {@code <jlink><jdks>} names for it; another platform's from the modules of the JDK {@code
   * <jlink><jdks>} names for it, by the jlink of {@code <jlink><jdk>}.
   *
   * @param release the release the project is compiled for
   * @param application the compiled classes, or the project's jar in packaged mode
   * @param libraries the runtime classpath's files
   * @throws InvalidConfigurationException for a JDK older than the release, one that cannot
   *     link, or a platform other than this machine's without a JDK of its own
   */
  Map<Platform, PlannedLayer> runtimeLayers(int release, List<Platform> platforms,
      Path application, List<Path> libraries, Path runtimes)
      throws InvalidConfigurationException, ImageBuildException, IOException {
    Jdk jdk = jdk();
    Platform host = Platform.host();
    if (!jdk.runsOn(host)) {
      throw new InvalidConfigurationException(Setting.JLINK_JDK, jdk.home() + " is a JDK for "
          + jdk.platform().get() + "; jlink runs here, on " + host + ". Name a JDK of this"
          + " machine's, and the " + jdk.platform().get() + " one in "
          + Setting.JLINK_JDKS.element() + " (or " + Setting.JLINK_JDKS.propertyName() + ").");
    }
    Map<Platform, Jdk> jdks = new PlatformJdks(mojo).of(platforms, jdk, host, release);
    String addModules = mojo.property(Properties.JLINK + ".addModules", null);
    List<String> additions = addModules == null ? mojo.jlink.getAddModules()
        : Properties.items(addModules);
    RuntimeModules modules = mojo.jlink.getModules().isEmpty()
        ? RuntimeModules.detected(jdk, application, libraries, release, additions, runtimes)
        : RuntimeModules.listed(mojo.jlink.getModules(), additions);
    log.info("Java runtime of " + modules.modules().size() + " modules (" + modules.origin()
        + "): " + String.join(",", modules.modules()));
    String configuredCds = mojo.property(Properties.JLINK + ".cds",
        mojo.jlink.getCds() == null ? null : String.valueOf(mojo.jlink.getCds()));
    RuntimeLinker linker = new RuntimeLinker(runtimes, log);
    Map<Platform, PlannedLayer> layers = new LinkedHashMap<>();
    for (Map.Entry<Platform, Jdk> entry : jdks.entrySet()) {
      Jdk target = entry.getValue();
      Path runtime;
      if (target.runsOn(host)) {
        boolean cds = configuredCds == null ? target.feature() >= 21
            : Boolean.parseBoolean(configuredCds);
        if (cds && target.feature() < 21) {
          log.warn("Java " + target.feature() + " writes a different class data sharing archive"
              + " on every link: the image's digest differs from build to build. Leave "
              + Setting.JLINK_CDS.element() + " off for a reproducible image, or link from JDK"
              + " 21+.");
        }
        runtime = linker.link(target, modules, cds);
      } else {
        if (Boolean.parseBoolean(configuredCds)) {
          log.info("The " + entry.getKey() + " runtime has no class data sharing archive: jlink"
              + " writes one only for this machine's platform, " + host + ".");
        }
        runtime = linker.link(jdk, target, modules);
      }
      layers.put(entry.getKey(), LayerPlanner.runtime(runtime, HOME));
    }
    return layers;
  }

  /** {@code <jlink><jdk>} or its property, else the toolchain's JDK, else the running one. */
  private Jdk jdk() throws InvalidConfigurationException {
    File configured = mojo.jlink.getJdk();
    String property = mojo.property(Properties.JLINK + ".jdk", null);
    if (property != null && !property.isBlank()) {
      return Jdk.at(Path.of(property.trim()), Setting.JLINK_JDK);
    }
    if (configured != null) {
      return Jdk.at(configured.toPath(), Setting.JLINK_JDK);
    }
    if (mojo.toolchainManager != null && mojo.session != null) {
      Toolchain toolchain = mojo.toolchainManager.getToolchainFromBuildContext("jdk", mojo.session);
      String java = toolchain == null ? null : toolchain.findTool("java");
      if (java != null) {
        return Jdk.at(Path.of(java).getParent().getParent(), Setting.JLINK_JDK);
      }
    }
    return Jdk.running();
  }
}
