package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.freshness.BaseFreshness;
import io.github.distrolessmaven.core.freshness.BaseReport;
import io.github.distrolessmaven.core.freshness.PinUpdate;
import io.github.distrolessmaven.core.spec.RegistryOptions;
import io.github.distrolessmaven.core.state.StateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks that the base is current, without building: for the module's base (the configured one
 * or the default for its Java release) and every platform it is built for, the digest it is
 * pinned to, the digest its tag points to now, each image's creation time, and whether they
 * differ. Run at a reactor's root it checks every module that has an image. A base from a file
 * or the local engine, or an offline build, is reported as not checkable rather than failing.
 */
@Mojo(name = "check-base", threadSafe = true)
public class CheckBaseMojo extends AbstractProjectMojo {

  /**
   * Fail when a pinned base is no longer what its tag points to: for a scheduled CI job that
   * should turn red when the base has had updates. Property {@code distroless.failOnStaleBase}.
   */
  @Parameter(property = Properties.FAIL_ON_STALE_BASE, defaultValue = "false")
  boolean failOnStaleBase;

  /**
   * Rewrite a stale pin in the POM that writes it: the old digest's text becomes the new one's,
   * and nothing else in the file changes. A base given on the command line is reported, not
   * rewritten. Property {@code distroless.updatePin}.
   */
  @Parameter(property = Properties.UPDATE_PIN, defaultValue = "false")
  boolean updatePin;

  @Override
  void runOnModule(BuildLog log) throws InvalidConfigurationException, ImageBuildException {
    BaseSettings base = new BaseSettings(this, new ProjectInputs(project, null), log);
    String image = base.image();
    // Only the base's registry is asked: its credentials serve as the target's too.
    CredentialSources credentials = base.credentials(credentials());
    RegistryOptions registries = new RegistryOptions(credentials, credentials, base.mirrors(),
        insecureRegistriesAllowed(), session.isOffline());
    Path plainHttp = new StateFiles(ImageSpecFactory.storage(this)).plainHttpRegistries();
    BaseReport report = new BaseFreshness(registries, plainHttp, log)
        .check(image, base.platforms());
    report.lines().forEach(log::info);
    if (report.status() != BaseReport.Status.STALE) {
      return;
    }
    if (updatePin) {
      if (update(report, base, log)) {
        return;
      }
    }
    if (failOnStaleBase) {
      throw new InvalidConfigurationException(Setting.FAIL_ON_STALE_BASE, "the base "
          + report.base() + " is no longer what its tag points to ("
          + report.current().orElseThrow() + "). Update the pin: "
          + Setting.FROM_IMAGE.element(report.repinned()) + ", or run this check with "
          + Setting.UPDATE_PIN.property("true") + ".");
    }
  }

  /** Rewrites the stale pin in the POM that holds it; whether the POM now pins the tag's. */
  private boolean update(BaseReport report, BaseSettings base, BuildLog log)
      throws ImageBuildException {
    if (base.fromCommandLine()) {
      log.warn("The base is given on the command line (" + Properties.FROM_IMAGE + "), which"
          + " no POM holds: nothing rewritten. Pin " + report.repinned() + " where you set it.");
      return false;
    }
    List<Path> poms = poms();
    try {
      PinUpdate.Result result = PinUpdate.apply(poms, report.base(),
          report.pinned().orElseThrow(), report.current().orElseThrow());
      if (result.file().isEmpty()) {
        log.warn("The pinned digest " + report.pinned().get() + " is written in none of "
            + poms + ": nothing rewritten. Pin " + report.repinned() + " where the base is set.");
        return false;
      }
      log.info(result.replaced() == 0
          ? "Pin already updated in " + result.file().get()
          : "Updated the pin in " + result.file().get() + ": " + report.pinned().get() + " -> "
              + report.current().get());
      return true;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot rewrite the pin in " + poms + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The POMs that may set the base: the module's, then its parents' on disk, but not those of
   * the local repository (a parent from a repository is not the user's to rewrite).
   */
  private List<Path> poms() {
    List<Path> poms = new ArrayList<>();
    Path repository = session.getLocalRepository() == null ? null
        : Path.of(session.getLocalRepository().getBasedir()).toAbsolutePath().normalize();
    for (MavenProject module = project; module != null; module = module.getParent()) {
      File file = module.getFile();
      if (file != null && file.isFile() && (repository == null
          || !file.toPath().toAbsolutePath().normalize().startsWith(repository))) {
        poms.add(file.toPath());
      }
    }
    return poms;
  }
}
