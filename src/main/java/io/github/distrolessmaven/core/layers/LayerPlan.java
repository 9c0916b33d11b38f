package io.github.distrolessmaven.core.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application's layers in image order and the classpath the entrypoint runs with.
 *
 * @param layers non-empty layers only, in the order they stack
 * @param classpath absolute image paths in Maven's runtime classpath order
 */
public record LayerPlan(List<PlannedLayer> layers, List<String> classpath) {

  /** @param layers copied defensively @param classpath copied defensively */
  public LayerPlan {
    layers = List.copyOf(layers);
    classpath = List.copyOf(classpath);
  }

  /** The same plan with {@code layer} below every other: a runtime, which changes least. */
  public LayerPlan withFirst(PlannedLayer layer) {
    List<PlannedLayer> all = new ArrayList<>();
    all.add(layer);
    all.addAll(layers);
    return new LayerPlan(all, classpath);
  }

  /**
   * The same plan with {@code runtime} in place of the linked runtime's layer (another
   * platform's runtime), or below every other layer when there is none.
   */
  public LayerPlan withRuntime(PlannedLayer runtime) {
    if (linkedRuntime().isEmpty()) {
      return withFirst(runtime);
    }
    return new LayerPlan(layers.stream()
        .map(layer -> layer.name().equals(LayerPlanner.RUNTIME_LAYER) ? runtime : layer)
        .toList(), classpath);
  }

  /** The layer of a Java runtime the build linked ({@link LayerPlanner#runtime}), if any. */
  public Optional<PlannedLayer> linkedRuntime() {
    return layers.stream()
        .filter(layer -> layer.name().equals(LayerPlanner.RUNTIME_LAYER))
        .findFirst();
  }
}
