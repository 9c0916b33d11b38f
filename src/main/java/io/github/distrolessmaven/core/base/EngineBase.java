package io.github.distrolessmaven.core.base;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.engine.EngineClient;
import io.github.distrolessmaven.core.engine.EngineFailure;
import io.github.distrolessmaven.core.engine.EngineUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A base in the local Docker or Podman engine, named as Jib names it: {@code docker://IMAGE}. The
 * engine saves it as a docker-archive, which is then read as any {@code tar://} base. The archive
 * is kept under the work directory by the image's id: a later build on the same image asks the
 * engine only for the id, and one on an image the tag has moved to saves that one.
 */
public final class EngineBase {

  /** The scheme of an engine's image, as Jib writes it. */
  public static final String PREFIX = "docker://";

  private EngineBase() {}

  /** True for {@code docker://IMAGE}. */
  public static boolean isEngine(String reference) {
    return reference != null && reference.startsWith(PREFIX);
  }

  /**
   * The image the engine knows by the reference's name, as a {@code tar://} reference to its
   * docker-archive under {@code workDirectory}.
   *
   * @param environment where {@code DOCKER_HOST} is read from
   * @throws InvalidConfigurationException when the engine has no such image, naming the command
   *     that gets it
   * @throws ImageBuildException when no engine answers (naming every socket tried) or the image
   *     cannot be read or kept
   */
  public static String save(String reference, Path workDirectory, Map<String, String> environment,
      BuildLog log) throws InvalidConfigurationException, ImageBuildException {
    String name = reference.substring(PREFIX.length());
    try {
      EngineClient engine = EngineClient.connect(environment);
      String id = engine.imageId(name).orElseThrow(() -> new InvalidConfigurationException(
          Setting.FROM_IMAGE, "'" + reference + "' names an image the engine at "
              + engine.address() + " does not have. Pull or build it first (docker pull " + name
              + ", or podman pull " + name + "), or correct the name."));
      Path archive = workDirectory.resolve("engine").resolve(id.replace(':', '-') + ".tar");
      if (Files.isRegularFile(archive)) {
        log.debug("Base " + reference + " is " + id + ", saved from the engine before: " + archive);
      } else {
        log.info("Reading the base " + name + " (" + id + ") from the engine at "
            + engine.address());
        engine.save(id, archive);
      }
      return "tar://" + archive.toAbsolutePath();
    } catch (EngineUnavailableException e) {
      throw new ImageBuildException("Cannot read the base " + reference + ": " + e.getMessage()
          + " Or save the image to a file and name that: docker save " + name + " -o base.tar,"
          + " then " + Setting.FROM_IMAGE.element("tar://base.tar") + ".", e);
    } catch (EngineFailure e) {
      throw new ImageBuildException("Cannot read the base " + reference + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot keep the base " + reference + " under "
          + workDirectory + ": " + e.getMessage(), e);
    }
  }
}
