package io.github.distrolessmaven.core.freshness;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a base's check found: the digest it is pinned to, the digest its tag points to now, and
 * for each platform built both images and when they were made.
 *
 * @param base the base as configured
 * @param status what the comparison says
 * @param pinned the digest the reference pins, if it pins one
 * @param current the digest the tag points to now, if the base was checked
 * @param platforms one entry per platform built, when the base was checked
 * @param note why a base could not be checked, or where its tag was read
 */
public record BaseReport(String base, Status status, Optional<String> pinned,
    Optional<String> current, List<PlatformImages> platforms, String note) {

  /** How the pin compares with the tag. */
  public enum Status {
    /** Pinned to the digest the tag points to. */
    CURRENT,
    /** Pinned to a digest the tag no longer points to. */
    STALE,
    /** Referenced by tag alone: each build takes what the tag points to then. */
    UNPINNED,
    /** A base from a file or the engine, one pinned without a tag, or an offline build. */
    CANNOT_CHECK
  }

  /**
   * One platform's image in the pinned base and in the tag's.
   *
   * @param pinned the pinned base's image, when the base is pinned
   * @param current the tag's image
   */
  public record PlatformImages(Platform platform, Optional<ImageDate> pinned, ImageDate current) {}

  /**
   * An image and its config's creation time.
   *
   * @param created as the config writes it, if it does
   */
  public record ImageDate(String digest, Optional<String> created) {
    @Override
    public String toString() {
      // Reproducible builds, distroless's among them, write the epoch: no date at all.
      return digest + created.filter(time -> !time.startsWith("1970-01-01T00:00:00")
              && !time.startsWith("0001-01-01"))
          .map(time -> " (created " + time + ")")
          .orElse(" (no creation time: reproducible images record the epoch)");
    }
  }

  /** @param platforms copied */
  public BaseReport {
    platforms = List.copyOf(platforms);
  }

  static BaseReport cannotCheck(String base, Optional<String> pinned, String why) {
    return new BaseReport(base, Status.CANNOT_CHECK, pinned, Optional.empty(), List.of(), why);
  }

  /** The base pinned to the digest its tag points to now. */
  public String repinned() {
    String current = this.current.orElseThrow();
    int at = base.indexOf('@');
    return (at < 0 ? base : base.substring(0, at)) + "@" + current;
  }

  /** The report as lines for the build's log: the verdict, then one line per platform. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Base " + base + ": " + verdict());
    for (PlatformImages images : platforms) {
      lines.add("  " + images.platform() + ": " + images.pinned()
          .map(pinnedImage -> pinnedImage.digest().equals(images.current().digest())
              ? "pinned " + pinnedImage + ", which the tag still names"
              : "pinned " + pinnedImage + "; the tag's now " + images.current())
          .orElse("the tag's image " + images.current()));
    }
    return lines;
  }

  private String verdict() {
    return switch (status) {
      case CURRENT -> "current: its tag still points to " + pinned.orElseThrow() + " (" + note
          + ").";
      case STALE -> "STALE: pinned to " + pinned.orElseThrow() + ", but its tag now points to "
          + current.orElseThrow() + " (" + note + "). Update the pin: "
          + Setting.FROM_IMAGE.element(repinned()) + ", or run the check with "
          + Setting.UPDATE_PIN.property("true") + ".";
      case UNPINNED -> "not pinned; its tag points to " + current.orElseThrow() + " (" + note
          + "), and each build takes what it points to then. Pin it: "
          + Setting.FROM_IMAGE.element(repinned()) + ".";
      case CANNOT_CHECK -> "cannot check: " + note;
    };
  }
}
