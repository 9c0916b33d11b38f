package io.github.distrolessmaven.core.pipeline;



/** Where the built image goes. */
public enum Destination {
  /** Push to the target's registry. */
  REGISTRY,
  /** Write an archive to the spec's tar output path. */
  TAR,
  /** Load the archive into the local Docker or Podman engine, as it is written. */
  ENGINE
}
