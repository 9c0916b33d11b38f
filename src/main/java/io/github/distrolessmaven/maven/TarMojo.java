package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.jib.BuiltImage;
import io.github.distrolessmaven.core.jib.JibImageBuilder;
import io.github.distrolessmaven.core.output.ImageOutputs;
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
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class TarMojo extends AbstractDistrolessMojo {

  @Override
  boolean requiresTarget() {
    return false;
  }

  @Override
  void process(ImageSpec spec, BuildLog log)
      throws InvalidConfigurationException, ImageBuildException {
    BuiltImage image = new JibImageBuilder(log).build(spec, JibImageBuilder.Destination.TAR);
    ImageOutputs.write(image, spec.outputs());
    log.info(Summary.of("Wrote " + spec.outputs().tar() + " with", image));
  }
}
