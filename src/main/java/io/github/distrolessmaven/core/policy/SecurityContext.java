package io.github.distrolessmaven.core.policy;

import java.util.List;

/**
 * The run-time half of hardening: a Kubernetes container {@code securityContext} that meets the
 * Pod Security Standards "restricted" profile, with a read-only root file system, for the image's
 * own numeric user; and the equivalent {@code docker run} / {@code podman run} flags.
 *
 * @param uid the user the container runs as
 * @param gid its group
 */
public record SecurityContext(long uid, long gid) {

  /**
   * @param user the image's numeric {@code uid} or {@code uid:gid}; a missing gid is the uid's,
   *     as distroless's users have their own group
   */
  public static SecurityContext forUser(String user) {
    String[] parts = user.split(":", 2);
    long uid = Long.parseLong(parts[0]);
    long gid = parts.length > 1 ? Long.parseLong(parts[1]) : uid;
    return new SecurityContext(uid, gid);
  }

  /** The {@code securityContext} of a container, as YAML. */
  public String yaml() {
    return String.join("\n", List.of(
        "# Written by distroless-maven-plugin: the container securityContext for this image.",
        "# It meets the Pod Security Standards \"restricted\" profile and adds a read-only root",
        "# file system; mount an emptyDir at /tmp if the app writes temporary files.",
        "securityContext:",
        "  runAsNonRoot: " + (uid != 0),
        "  runAsUser: " + uid,
        "  runAsGroup: " + gid,
        "  allowPrivilegeEscalation: false",
        "  readOnlyRootFilesystem: true",
        "  capabilities:",
        "    drop:",
        "      - ALL",
        "  seccompProfile:",
        "    type: RuntimeDefault",
        ""));
  }

  /** The same limits for {@code docker run} and {@code podman run}. */
  public String runFlags() {
    return "--read-only --cap-drop=ALL --security-opt=no-new-privileges --user " + uid + ":" + gid;
  }
}
