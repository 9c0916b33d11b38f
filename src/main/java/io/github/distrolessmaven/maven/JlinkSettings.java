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
import java.util.List;
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
   * Links the runtime (or finds it linked) and gives its layer.
   *
   * @param release the release the project is compiled for
   * @param application the compiled classes, or the project's jar in packaged mode
   * @param libraries the runtime classpath's files
   * @throws InvalidConfigurationException for a JDK older than the release, one that cannot
   *     link, or a platform other than this machine's
   */
  PlannedLayer runtimeLayer(int release, List<Platform> platforms, Path application,
      List<Path> libraries, Path runtimes)
      throws InvalidConfigurationException, ImageBuildException, IOException {
    Platform host = Platform.host().canonical();
    for (Platform platform : platforms) {
      if (!platform.canonical().equals(host)) {
        throw new InvalidConfigurationException(Setting.JLINK_ENABLED, "links a runtime from a"
            + " JDK of this machine's platform, " + host + ", and the image is for "
            + platforms + ". Build for " + host + " alone (" + Setting.FROM_PLATFORMS.element()
            + "), or leave jlink off for an image of other platforms.");
      }
    }
    Jdk jdk = jdk();
    if (jdk.feature() < release) {
      throw new InvalidConfigurationException(Setting.JLINK_JDK, "Java " + jdk.feature() + " ("
          + jdk.home() + ") is older than release " + release + ", which the project is"
          + " compiled for: its runtime would not run the classes. Name a JDK " + release
          + " or newer in " + Setting.JLINK_JDK.element() + " or a Maven toolchain.");
    }
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
    boolean cds = configuredCds == null ? jdk.feature() >= 21 : Boolean.parseBoolean(configuredCds);
    if (cds && jdk.feature() < 21) {
      log.warn("Java " + jdk.feature() + " writes a different class data sharing archive on"
          + " every link: the image's digest differs from build to build. Leave "
          + Setting.JLINK_CDS.element() + " off for a reproducible image, or link from JDK 21+.");
    }
    Path runtime = new RuntimeLinker(runtimes, log).link(jdk, modules, cds);
    return LayerPlanner.runtime(runtime, HOME);
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
