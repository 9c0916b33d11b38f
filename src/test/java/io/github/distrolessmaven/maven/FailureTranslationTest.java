package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The one translation of the core's failures: a user's mistake becomes a MojoFailureException,
 * an environment's failure a MojoExecutionException, and what Maven prints of them (the message
 * and every cause's) spells each setting as the POM does, never as the core refers to it.
 */
class FailureTranslationTest {

  /** A goal whose work fails as given. */
  private static final class FailingMojo extends AbstractRegistryMojo {
    private final Exception failure;

    FailingMojo(Exception failure) {
      this.failure = failure;
    }

    @Override
    void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException {
      if (failure instanceof InvalidConfigurationException invalid) {
        throw invalid;
      }
      throw (ImageBuildException) failure;
    }
  }

  /** What Maven prints after "Failed to execute goal ...:". */
  private static String printed(Exception mojoFailure) {
    return new DefaultExceptionHandler().handleException(mojoFailure).getMessage();
  }

  @Test
  void aMistakeIsAFailureNamingTheElement() {
    MojoFailureException e = assertThrows(MojoFailureException.class, new FailingMojo(
        new InvalidConfigurationException(Setting.TO_IMAGE, "is not set. Pass "
            + Setting.TO_IMAGE.property("x") + "."))::execute);

    assertEquals("<to><image>: is not set. Pass -Ddistroless.to.image=x.", e.getMessage());
    assertFalse(printed(e).contains("{@"), printed(e));
  }

  @Test
  void anEnvironmentFailureIsAnExecutionErrorAndNoCauseShowsAReference() {
    IOException registry = new IOException("registry.example.com/app: set "
        + Setting.ALLOW_INSECURE_REGISTRIES.element("true"));
    MojoExecutionException e = assertThrows(MojoExecutionException.class, new FailingMojo(
        new ImageBuildException("Cannot read the base: " + registry.getMessage(), registry))
        ::execute);

    assertEquals("Cannot read the base: registry.example.com/app: set"
        + " <allowInsecureRegistries>true</allowInsecureRegistries>", e.getMessage());
    String printed = printed(e);
    assertFalse(printed.contains("{@"), printed);
    assertTrue(e.getCause().toString().startsWith(ImageBuildException.class.getName() + ": "),
        "-e shows the core's failure by its type: " + e.getCause());
    assertTrue(e.getCause().getCause().toString().startsWith("java.io.IOException: "),
        e.getCause().getCause().toString());
  }
}
