package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.build.Destination;
import io.github.distrolessmaven.core.spec.ImageSpec;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Builds the image and pushes it to the registry of {@code <to><image>}. */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class BuildMojo extends AbstractDistrolessMojo {

  @Override
  boolean requiresTarget() {
    return true;
  }

  @Override
  Destination destination() {
    return Destination.REGISTRY;
  }

  @Override
  void checkBeforeBuild(ImageSpec spec) throws InvalidConfigurationException {
    if (spec.registries().offline()) {
      throw new InvalidConfigurationException(
          Setting.OFFLINE,
          "distroless:build pushes to " + spec.content().targetImage() + ", which offline mode cannot do."
              + " Run without -o, or run 'mvn -o package distroless:tar' to build an archive.");
    }
  }

  @Override
  String summaryVerb(ImageSpec spec) {
    return "Pushed";
  }
}
