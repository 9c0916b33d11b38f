package io.github.distrolessmaven.core.layers;

import java.util.List;

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
    List<PlannedLayer> all = new java.util.ArrayList<>();
    all.add(layer);
    all.addAll(layers);
    return new LayerPlan(all, classpath);
  }
}
