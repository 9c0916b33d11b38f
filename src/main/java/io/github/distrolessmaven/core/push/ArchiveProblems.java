package io.github.distrolessmaven.core.push;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;

/** The one shape of every complaint about the archive: the property, the file, the fix. */
final class ArchiveProblems {

  private static final String FIX = " Give an OCI image archive as 'mvn distroless:tar' writes it,"
      + " or convert one with 'skopeo copy docker-archive:in.tar oci-archive:out.tar'.";

  private ArchiveProblems() {}

  /** @param problem what is wrong, naming the archive */
  static InvalidConfigurationException invalid(String problem) {
    return InvalidConfigurationException.inProperty(
        Setting.ARCHIVE, problem + (problem.endsWith(".") ? "" : ".") + FIX);
  }
}
