package io.github.distrolessmaven.core.mainclass;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The classes of a project that declare {@code public static void main(String[])}.
 *
 * @param candidates binary class names, sorted so that messages and builds are reproducible
 */
public record MainClassSearch(List<String> candidates) {

  /** Sorts and copies the names, so that neither order nor later changes leak in from outside. */
  public MainClassSearch {
    List<String> sorted = new ArrayList<>(Objects.requireNonNull(candidates, "candidates"));
    sorted.sort(null);
    candidates = List.copyOf(sorted);
  }

  /** A search that found nothing, e.g. because the classes directory does not exist. */
  public static MainClassSearch empty() {
    return new MainClassSearch(List.of());
  }

  /** Whether exactly one class has a main method, so it can be used without asking the user. */
  public boolean isUnique() {
    return candidates.size() == 1;
  }

  /** The only candidate, or empty when there are none or several. */
  public Optional<String> unique() {
    return isUnique() ? Optional.of(candidates.get(0)) : Optional.empty();
  }
}
