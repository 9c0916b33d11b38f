package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.ImageReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Parses image references and tags, reporting mistakes against the element they came from. */
public final class ImageReferences {

  private ImageReferences() {}

  /**
   * Parses a registry image reference such as {@code registry.example.com/team/app:1.0}.
   *
   * @throws InvalidConfigurationException naming the setting and the expected form
   */
  public static ImageReference parse(String value, Setting setting)
      throws InvalidConfigurationException {
    String reference = value == null ? "" : value.trim();
    if (reference.isEmpty()) {
      throw new InvalidConfigurationException(setting, "is empty. " + FORM);
    }
    try {
      return ImageReference.parse(reference);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          setting, "'" + reference + "' is not a valid image reference. " + FORM);
    }
  }

  /**
   * Checks additional tags: each must be a valid tag; blanks are dropped and repeats kept once.
   *
   * @return the tags in the order given, without duplicates
   */
  public static List<String> tags(Collection<String> tags, Setting setting)
      throws InvalidConfigurationException {
    LinkedHashSet<String> checked = new LinkedHashSet<>();
    for (String raw : tags) {
      String tag = raw == null ? "" : raw.trim();
      if (tag.isEmpty()) {
        continue;
      }
      if (!ImageReference.isValidTag(tag)) {
        throw new InvalidConfigurationException(
            setting,
            "'" + tag + "' is not a valid tag. A tag is up to 128 letters, digits, '_', '.' and"
                + " '-', not starting with '.' or '-'.");
      }
      checked.add(tag);
    }
    return new ArrayList<>(checked);
  }

  private static final String FORM =
      "Write it as [registry/]repository[:tag][@sha256:digest], e.g."
          + " registry.example.com/team/app:1.0 (lower-case repository).";
}
