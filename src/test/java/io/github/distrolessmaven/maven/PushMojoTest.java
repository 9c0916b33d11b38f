package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code distroless:push}, refused before it reads the archive or calls a registry. */
class PushMojoTest {

  @TempDir File dir;

  @Test
  @SuppressWarnings("deprecation")
  void offlineIsRefusedBeforeTheArchiveOrTheRegistry() {
    PushMojo mojo = new PushMojo();
    mojo.session = new MavenSession(
        null, null, new DefaultMavenExecutionRequest().setOffline(true), null);
    mojo.tar = new File(dir, "absent.tar");
    mojo.to = new ToParameters();

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(e.getMessage().startsWith("-o (offline): "), e.getMessage());
    assertTrue(e.getMessage().contains("Run it without -o"), e.getMessage());
  }
}
