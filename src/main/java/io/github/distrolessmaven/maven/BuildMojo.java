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

/** Builds the image and pushes it to the registry of {@code <to><image>}. */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class BuildMojo extends AbstractDistrolessMojo {

  @Override
  boolean requiresTarget() {
    return true;
  }

  @Override
  void process(ImageSpec spec, BuildLog log)
      throws InvalidConfigurationException, ImageBuildException {
    if (spec.offline()) {
      throw new InvalidConfigurationException(
          "-o (offline)",
          "distroless:build pushes to " + spec.targetImage() + ", which offline mode cannot do."
              + " Run without -o, or run 'mvn -o package distroless:tar' to build an archive.");
    }
    BuiltImage image = new JibImageBuilder(log).build(spec, JibImageBuilder.Destination.REGISTRY);
    ImageOutputs.write(image, spec.outputs());
    log.info(Summary.of("Pushed", image));
  }
}
