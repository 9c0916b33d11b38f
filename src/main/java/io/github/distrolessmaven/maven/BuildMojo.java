package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.pipeline.Destination;
import io.github.distrolessmaven.core.spec.ImageSpec;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the image and pushes it to the registry of {@code <to><image>}. Like every image goal, it
 * resolves the runtime dependencies itself (no {@code requiresDependencyResolution}).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractDistrolessMojo {

  @Override
  void checkBeforeBuild(ImageSpec spec) throws InvalidConfigurationException {
    if (spec.registries().offline()) {
      throw new InvalidConfigurationException(
          Setting.OFFLINE,
          "distroless:build pushes to " + spec.content().targetImage() + ", which offline mode"
              + " cannot do. Run without -o, or run 'mvn -o package distroless:tar' to build an"
              + " archive.");
    }
  }

  @Override
  Destination destination() {
    return Destination.REGISTRY;
  }
}
