package io.github.distrolessmaven.maven;

import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * What is said once per Maven build, however many modules of a reactor say it: remembered in
 * the build's session, which every module's goal shares (and a parallel build's threads too).
 */
final class OncePerBuild {

  private OncePerBuild() {}

  /**
   * Whether {@code what} is said for the first time in this build; it counts as said from now.
   *
   * @param session the build's session; without one (a goal run outside a build), always true
   */
  static boolean first(MavenSession session, String what) {
    if (session == null || session.getRepositorySession() == null) {
      return true;
    }
    SessionData data = session.getRepositorySession().getData();
    return data.set(OncePerBuild.class.getName() + ":" + what, null, Boolean.TRUE);
  }
}
