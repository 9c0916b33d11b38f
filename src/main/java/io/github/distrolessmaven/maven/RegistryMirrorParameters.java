package io.github.distrolessmaven.maven;

import java.util.ArrayList;
import java.util.List;

/** {@code <registryMirror>}: hosts to pull from before a registry itself. */
public class RegistryMirrorParameters {

  /** The registry mirrored, e.g. {@code gcr.io}. */
  private String registry;

  /** The mirror hosts, {@code host[:port]}, tried in order. */
  private List<String> mirrors = new ArrayList<>();

  String getRegistry() {
    return registry;
  }

  List<String> getMirrors() {
    return mirrors;
  }
}
