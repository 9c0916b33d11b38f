package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.pipeline.Destination;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the image and loads it into the local Docker or Podman engine under every tag, as Jib's
 * {@code dockerBuild} does, through the engine's API socket: no {@code docker} command needed,
 * and the archive is sent as it is written, never kept on disk. The engine is the one {@code
 * DOCKER_HOST} names, else the first that answers at {@code /var/run/docker.sock}, {@code
 * /run/podman/podman.sock}, {@code $XDG_RUNTIME_DIR/podman/podman.sock}. A multi-platform image
 * loads as the build machine's platform ({@code -Ddistroless.loadPlatform} picks another).
 */
@Mojo(name = "load", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class LoadMojo extends AbstractDistrolessMojo {

  @Override
  Destination destination() {
    return Destination.ENGINE;
  }
}
