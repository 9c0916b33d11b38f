package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.push.ArchivePusher;
import io.github.distrolessmaven.core.push.PushSpec;
import io.github.distrolessmaven.core.push.PushedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes an image archive written by {@code distroless:tar} (an OCI image layout in a tar, as
 * {@code docker save} and {@code skopeo copy ... oci-archive:} also write) to a registry. The
 * manifest is sent byte for byte, so the pushed image has the archive's digest. Only blobs the
 * registry lacks are sent. Works without a project:
 * {@code mvn io.github.distrolessmaven:distroless-maven-plugin:push -Ddistroless.tar=image.tar
 * -Ddistroless.to.image=registry.example.com/team/app:1.0}.
 */
@Mojo(name = "push", requiresProject = false, threadSafe = true)
public class PushMojo extends AbstractRegistryMojo {

  /**
   * The archive to push. Defaults to the project's {@code target/distroless/image.tar}; required
   * when there is no project.
   */
  @Parameter(property = Properties.TAR)
  File tar;

  /**
   * Where the archive's image goes.
   * <ul>
   * <li>{@code <image>}: {@code registry/repository[:tag]}; required. Property {@code
   * distroless.to.image} (Jib's {@code -Dimage} too).</li>
   * <li>{@code <tags>}: more tags for the same image ({@code <tag>} elements). Property {@code
   * distroless.to.tags}, comma-separated.</li>
   * <li>{@code <auth>} ({@code <username>}, {@code <password>}) and {@code <credHelper>}, as
   * {@code distroless:build} takes them: properties {@code distroless.to.auth.username}, {@code
   * distroless.to.auth.password}, {@code distroless.to.credHelper}; environment {@code
   * DISTROLESS_TO_AUTH_USERNAME}, {@code DISTROLESS_TO_AUTH_PASSWORD}. Without any of those: a
   * settings.xml {@code <server>} whose id is the registry host, then the docker {@code
   * config.json}, then well-known helpers; never sent over plain HTTP.</li>
   * </ul>
   */
  @Parameter
  ToParameters to = new ToParameters();

  @Override
  void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException {
    if (session.isOffline()) {
      throw new InvalidConfigurationException(
          Setting.OFFLINE,
          "distroless:push sends an archive to a registry, which offline mode cannot do."
              + " Run it without -o.");
    }
    PushedImage pushed = new ArchivePusher(log).push(spec());
    log.info(Summary.line("Pushed", pushed.image(), pushed.digest(), pushed.size(),
        pushed.tags()) + Summary.index(pushed.platforms()));
    Summary.platforms(pushed.platforms()).forEach(log::info);
  }

  private PushSpec spec() throws InvalidConfigurationException {
    String image = property(Properties.TO_IMAGE, to.getImage());
    if (image == null || image.isBlank()) {
      throw new InvalidConfigurationException(
          Setting.TO_IMAGE,
          "is not set, so there is nowhere to push. Pass "
              + Setting.TO_IMAGE.property("registry.example.com/team/app:1.0") + ", or set "
              + Setting.TO_IMAGE.element() + " in the POM.");
    }
    String tags = property(Properties.TO_TAGS, null);
    return new PushSpec(
        archive(),
        image.trim(),
        tags != null ? Arrays.asList(tags.split(",")) : to.getTags(),
        credentials().forImage(auth("to", to.getAuth()), Setting.TO_AUTH,
            credHelper("to", to.getCredHelper())),
        insecureRegistriesAllowed());
  }

  private Path archive() throws InvalidConfigurationException {
    if (tar != null) {
      return tar.toPath().toAbsolutePath();
    }
    if (!hasProject()) {
      throw InvalidConfigurationException.inProperty(
          Setting.ARCHIVE,
          "is not set, and without a project there is no target/distroless/image.tar to push."
              + " Pass " + Setting.ARCHIVE.property("path/to/image.tar") + ".");
    }
    return Path.of(project.getBuild().getDirectory(), "distroless", "image.tar");
  }

  /** Maven's stand-in project, when run outside one, has no POM file. */
  private boolean hasProject() {
    return project != null && project.getFile() != null;
  }
}
