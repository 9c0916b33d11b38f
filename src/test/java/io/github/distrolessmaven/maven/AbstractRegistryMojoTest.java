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
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every goal does around its work: skipping, the one translation of the core's two failure
 * kinds into Maven's, and the core's log lines spelled as the POM does.
 */
class AbstractRegistryMojoTest {

  @TempDir Path dir;

  /** A goal whose work is given, and which records that it ran. */
  private static final class ScriptedMojo extends AbstractRegistryMojo {

    interface Work {
      void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException;
    }

    private final Work work;
    int runs;

    ScriptedMojo(Work work) {
      this.work = work;
    }

    @Override
    void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException {
      runs++;
      work.run(log);
    }
  }

  private static <T extends AbstractRegistryMojo> T logged(T mojo, RecordingLog log) {
    mojo.setLog(log);
    return mojo;
  }

  // ---------------------------------------------------------------- skipping

  @Test
  void skipDoesNoWorkAndSaysWhy() throws Exception {
    RecordingLog log = new RecordingLog();
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
      throw new ImageBuildException("must not run");
    }), log);
    mojo.skip = true;

    mojo.execute();

    assertEquals(0, mojo.runs);
    assertEquals(List.of("[info] Skipping distroless: <skip> is true in the plugin's"
        + " configuration."), log.lines);
  }

  @Test
  @SuppressWarnings("deprecation")
  void skipByThePropertySaysSo() throws Exception {
    for (boolean onCommandLine : List.of(true, false)) {
      RecordingLog log = new RecordingLog();
      ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
        throw new ImageBuildException("must not run");
      }), log);
      // Maven sets the parameter from the property: given with -D, or in the POM's properties.
      mojo.skip = true;
      DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
      Model model = new Model();
      if (onCommandLine) {
        request.getUserProperties().setProperty("distroless.skip", "true");
      } else {
        model.getProperties().setProperty("distroless.skip", "true");
      }
      mojo.project = new MavenProject(model);
      mojo.session = new MavenSession(null, null, request, null);

      mojo.execute();

      assertEquals(List.of("[info] Skipping distroless: distroless.skip is true."), log.lines);
    }
  }

  @Test
  void withoutSkipTheWorkRuns() throws Exception {
    RecordingLog log = new RecordingLog();
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> l.info("working")), log);

    mojo.execute();

    assertEquals(1, mojo.runs);
    assertEquals(List.of("[info] working"), log.lines);
  }

  @Test
  void skipSkipsTheImageGoalsBeforeTheyReadAnything() throws Exception {
    for (AbstractRegistryMojo mojo : List.of(new BuildMojo(), new TarMojo(), new PushMojo())) {
      RecordingLog log = new RecordingLog();
      logged(mojo, log).skip = true;

      mojo.execute();

      assertEquals(List.of("[info] Skipping distroless: <skip> is true in the plugin's"
          + " configuration."), log.lines, mojo.getClass().getSimpleName());
    }
  }

  @Test
  void anImageGoalSkipsAPomProject() throws Exception {
    for (AbstractDistrolessMojo mojo : List.of(new BuildMojo(), new TarMojo())) {
      RecordingLog log = new RecordingLog();
      Model model = new Model();
      model.setArtifactId("parent");
      model.setPackaging("pom");
      // Neither a session nor a build directory: a goal that went on would fail on them.
      mojo.project = new MavenProject(model);

      logged(mojo, log).execute();

      assertEquals(List.of("[info] Skipping distroless: packaging 'pom' has no classes to put"
          + " in an image."), log.lines, mojo.getClass().getSimpleName());
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void anImageGoalDoesNotSkipAJarProject() {
    Model model = new Model();
    model.setGroupId("com.example");
    model.setArtifactId("app");
    model.setVersion("1.0");
    model.setPackaging("jar");
    model.setBuild(new Build());
    model.getBuild().setDirectory(dir.resolve("target").toString());
    model.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    BuildMojo mojo = new BuildMojo();
    mojo.project = new MavenProject(model);
    mojo.project.setFile(dir.resolve("pom.xml").toFile());
    mojo.session = new MavenSession(null, null, new DefaultMavenExecutionRequest(), null);
    RecordingLog log = new RecordingLog();

    MojoFailureException e = assertThrows(MojoFailureException.class, logged(mojo, log)::execute);

    assertTrue(e.getMessage().startsWith("<to><image>: is not set, so there is nowhere to push."),
        e.getMessage());
    assertTrue(e.getMessage().contains("registry.example.com/team/app:1.0"), e.getMessage());
    assertFalse(log.lines.stream().anyMatch(line -> line.contains("Skipping")), log.lines.toString());
  }

  // ---------------------------------------------------------------- the one translator

  @Test
  void aMistakeBecomesAMojoFailureExceptionWithSettingsSpelledOut() {
    InvalidConfigurationException mistake = new InvalidConfigurationException(Setting.FROM_IMAGE,
        "'x' is end-of-life. Set " + Setting.ALLOW_END_OF_LIFE_BASE.element("true") + " or "
            + Setting.TO_IMAGE.element() + ", or pass " + Setting.TO_IMAGE.property("a:1") + ".");
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
      throw mistake;
    }), new RecordingLog());

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("<from><image>: 'x' is end-of-life. Set"
        + " <allowEndOfLifeBase>true</allowEndOfLifeBase> or <to><image>,"
        + " or pass -Ddistroless.to.image=a:1.", e.getMessage());
    assertEquals(InvalidConfigurationException.class.getName() + ": " + e.getMessage(),
        e.getCause().toString(), "the cause keeps the core's type, its message rendered");
  }

  @Test
  void aMistakeGivenAsAPropertyIsNamedByTheProperty() {
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
      throw InvalidConfigurationException.inProperty(Setting.ARCHIVE, "is not set.");
    }), new RecordingLog());

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("distroless.tar: is not set.", e.getMessage());
  }

  @Test
  void aMistakeInASettingTheUserGaveAsItsPropertyNamesTheProperty() {
    for (boolean given : List.of(true, false)) {
      ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
        throw new InvalidConfigurationException(Setting.FROM_PLATFORMS, "the base has no"
            + " linux/s390x image. Build for what it has, or name another in "
            + Setting.FROM_IMAGE.element() + ".");
      }), new RecordingLog());
      DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
      if (given) {
        request.getUserProperties().setProperty("distroless.platforms", "linux/s390x");
      }
      mojo.project = new MavenProject(new Model());
      mojo.session = new MavenSession(null, null, request, null);

      MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

      assertEquals((given ? "distroless.platforms" : "<from><platforms>") + ": the base has no"
          + " linux/s390x image. Build for what it has, or name another in <from><image>.",
          e.getMessage());
      assertEquals(InvalidConfigurationException.class.getName() + ": " + e.getMessage(),
          e.getCause().toString(), "the cause names the same place");
    }
  }

  @Test
  void aMistakeInTheMirrorsOfThePomIsNamedThereThoughThePropertyAddsMore() {
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
      throw new InvalidConfigurationException(Setting.REGISTRY_MIRRORS, "the mirror 'a b' is"
          + " not a host or host:port.");
    }), new RecordingLog());
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.getUserProperties().setProperty("distroless.registryMirrors", "gcr.io=m.example");
    mojo.project = new MavenProject(new Model());
    mojo.session = new MavenSession(null, null, request, null);

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().startsWith("<registryMirrors><registryMirror>: "), e.getMessage());
  }

  @Test
  void anEnvironmentFailureBecomesAMojoExecutionExceptionWithSettingsSpelledOut() {
    IOException io = new IOException("connection refused; see " + Setting.REGISTRY_MIRRORS.element());
    ScriptedMojo mojo = logged(new ScriptedMojo(l -> {
      throw new ImageBuildException("Cannot push to " + Setting.TO_IMAGE.element() + " "
          + "registry.example.com/app:1: " + io.getMessage(), io);
    }), new RecordingLog());

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals("Cannot push to <to><image> registry.example.com/app:1: connection refused;"
        + " see <registryMirrors><registryMirror>", e.getMessage());
    assertEquals("connection refused; see <registryMirrors><registryMirror>",
        e.getCause().getCause().getMessage(), "causes are rendered too");
    assertTrue(e.getCause().toString().startsWith(ImageBuildException.class.getName() + ": Cannot"
        + " push to <to><image>"), e.getCause().toString());
  }

  @Test
  void aMistakeIsNotAnExecutionFailureNorTheOtherWayRound() {
    ScriptedMojo mistake = logged(new ScriptedMojo(l -> {
      throw new InvalidConfigurationException(Setting.TO_IMAGE, "x");
    }), new RecordingLog());
    ScriptedMojo failure = logged(new ScriptedMojo(l -> {
      throw new ImageBuildException("x");
    }), new RecordingLog());

    Exception first = assertThrows(Exception.class, mistake::execute);
    Exception second = assertThrows(Exception.class, failure::execute);

    assertEquals(MojoFailureException.class, first.getClass());
    assertEquals(MojoExecutionException.class, second.getClass());
  }

  // ---------------------------------------------------------------- the core's log

  @Test
  void theCoresLogLinesAreSpelledOutAndDebugOnlyWithDashX() throws Exception {
    ScriptedMojo.Work work = log -> {
      log.info("Pulling " + Setting.FROM_IMAGE.element());
      log.warn("Consider " + Setting.ALLOW_SHELL.property("false"));
      log.debug("Mirrors from " + Setting.REGISTRY_MIRRORS.propertyName());
    };
    RecordingLog quiet = new RecordingLog(false);
    RecordingLog debug = new RecordingLog(true);

    logged(new ScriptedMojo(work), quiet).execute();
    logged(new ScriptedMojo(work), debug).execute();

    assertEquals(List.of("[info] Pulling <from><image>",
        "[warn] Consider -Ddistroless.allowShell=false"), quiet.lines);
    assertEquals(List.of("[info] Pulling <from><image>",
        "[warn] Consider -Ddistroless.allowShell=false",
        "[debug] Mirrors from distroless.registryMirrors"), debug.lines);
  }
}
