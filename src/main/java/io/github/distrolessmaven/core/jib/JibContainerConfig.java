package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.github.distrolessmaven.core.labels.OciLabels;
import io.github.distrolessmaven.core.layers.LayerPlan;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Puts an image's layers and container settings onto a jib-core container. */
final class JibContainerConfig {

  private JibContainerConfig() {}

  /**
   * @param baseName the base as the user named it, for the base.name label
   * @param baseDigest its digest, for the base.digest label; null when unknown
   */
  static void apply(JibContainerBuilder container, ImageContent spec, String baseName,
      String baseDigest) {
    List<FileEntriesLayer> layers =
        layers(spec.layers(), spec.timestamps().filesModificationTime());
    Instant created = spec.timestamps().creationTime();
    container
        .setFileEntriesLayers(layers)
        .setEntrypoint(spec.entrypoint())
        .setUser(spec.user())
        .setEnvironment(spec.environment())
        .setExposedPorts(ports(spec.ports()))
        .setLabels(OciLabels.derive(spec.project(), created, baseName, baseDigest, spec.userLabels()))
        .setFormat(spec.format() == io.github.distrolessmaven.core.spec.ImageFormat.OCI
            ? ImageFormat.OCI : ImageFormat.Docker)
        .setCreationTime(created);
    // The base's Cmd must never reach the image: Jib drops it once the entrypoint is set, and an
    // explicit list (empty without <args>) keeps it so whatever Jib's default becomes.
    container.setProgramArguments(spec.args());
    Set<AbsoluteUnixPath> volumes = new LinkedHashSet<>();
    spec.volumes().forEach(volume -> volumes.add(AbsoluteUnixPath.get(volume)));
    container.setVolumes(volumes);
    spec.workingDirectory().ifPresent(dir -> container.setWorkingDirectory(AbsoluteUnixPath.get(dir)));
  }

  /**
   * The planned application layers as jib-core takes them.
   *
   * @param modified the modification time of every file
   */
  static List<FileEntriesLayer> layers(LayerPlan plan, Instant modified) {
    List<FileEntriesLayer> layers = new ArrayList<>();
    for (PlannedLayer planned : plan.layers()) {
      FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(planned.name());
      for (PlannedFile file : planned.files()) {
        layer.addEntry(new FileEntry(
            file.source(),
            AbsoluteUnixPath.get(file.target()),
            FilePermissions.fromOctalString(String.format("%03o", file.mode())),
            modified,
            "0:0"));
      }
      layers.add(layer.build());
    }
    return layers;
  }

  private static Set<Port> ports(Set<ExposedPort> ports) {
    Set<Port> result = new LinkedHashSet<>();
    for (ExposedPort port : ports) {
      result.add(Port.parseProtocol(port.number(), port.protocol()));
    }
    return result;
  }
}
