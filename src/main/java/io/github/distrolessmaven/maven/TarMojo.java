package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.build.Destination;
import io.github.distrolessmaven.core.spec.ImageSpec;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the image into a docker-archive, {@code target/distroless/image.tar} by default, which
 * {@code docker load} and {@code podman load} read.
 */
@Mojo(
    name = "tar",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class TarMojo extends AbstractDistrolessMojo {

  @Override
  boolean requiresTarget() {
    return false;
  }

  @Override
  Destination destination() {
    return Destination.TAR;
  }

  @Override
  String summaryVerb(ImageSpec spec) {
    return "Wrote " + spec.outputs().tar() + " with";
  }
}
