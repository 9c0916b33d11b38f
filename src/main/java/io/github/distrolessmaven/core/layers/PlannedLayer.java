package io.github.distrolessmaven.core.layers;

import java.util.List;

/**
 * One application layer, named for what it holds.
 *
 * @param name e.g. {@code dependencies} or {@code classes}
 * @param files its entries, sorted by target path
 */
public record PlannedLayer(String name, List<PlannedFile> files) {

  /** @param files copied defensively */
  public PlannedLayer {
    files = List.copyOf(files);
  }
}
