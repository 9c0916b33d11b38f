package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.pipeline.Destination;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the image into a docker-archive, {@code target/distroless/image.tar} by default, which
 * {@code docker load} and {@code podman load} read.
 */
@Mojo(name = "tar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class TarMojo extends AbstractDistrolessMojo {

  @Override
  Destination destination() {
    return Destination.TAR;
  }
}
