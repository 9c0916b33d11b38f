package io.github.distrolessmaven.core.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.distrolessmaven.core.freshness.BaseReport.ImageDate;
import io.github.distrolessmaven.core.freshness.BaseReport.PlatformImages;
import io.github.distrolessmaven.core.freshness.BaseReport.Status;
import io.github.distrolessmaven.core.oci.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the check prints for each verdict. */
class BaseReportTest {

  private static final String PINNED = "sha256:" + "1".repeat(64);
  private static final String NOW = "sha256:" + "2".repeat(64);
  private static final String AMD64_PINNED = "sha256:" + "3".repeat(64);
  private static final String AMD64_NOW = "sha256:" + "4".repeat(64);

  @Test
  void aStaleBaseNamesBothDigestsTheNewPinAndEachPlatformsImagesWithTheirDates() {
    BaseReport report = new BaseReport("r.example/base:1@" + PINNED, Status.STALE,
        Optional.of(PINNED), Optional.of(NOW),
        List.of(new PlatformImages(Platform.LINUX_AMD64,
            Optional.of(new ImageDate(AMD64_PINNED, Optional.of("1970-01-01T00:00:00Z"))),
            new ImageDate(AMD64_NOW, Optional.of("2026-12-01T10:00:00Z")))),
        "read from r.example");

    assertEquals(List.of(
        "Base r.example/base:1@" + PINNED + ": STALE: pinned to " + PINNED + ", but its tag now"
            + " points to " + NOW + " (read from r.example). Update the pin: {@from.image="
            + "r.example/base:1@" + NOW + "}, or run the check with {@-DupdatePin=true}.",
        "  linux/amd64: pinned " + AMD64_PINNED + " (no creation time: reproducible images"
            + " record the epoch); the tag's now " + AMD64_NOW
            + " (created 2026-12-01T10:00:00Z)"), report.lines());
  }

  @Test
  void anUnpinnedBaseIsGivenThePinToWriteAndACurrentOneSaysSo() {
    ImageDate image = new ImageDate(AMD64_NOW, Optional.of("2026-12-01T10:00:00Z"));
    BaseReport unpinned = new BaseReport("r.example/base:1", Status.UNPINNED, Optional.empty(),
        Optional.of(NOW), List.of(new PlatformImages(Platform.LINUX_AMD64, Optional.empty(),
            image)), "read from mirror.example");
    assertEquals(List.of("Base r.example/base:1: not pinned; its tag points to " + NOW
            + " (read from mirror.example), and each build takes what it points to then. Pin"
            + " it: {@from.image=r.example/base:1@" + NOW + "}.",
        "  linux/amd64: the tag's image " + AMD64_NOW + " (created 2026-12-01T10:00:00Z)"),
        unpinned.lines());

    BaseReport current = new BaseReport("r.example/base:1@" + NOW, Status.CURRENT,
        Optional.of(NOW), Optional.of(NOW), List.of(new PlatformImages(Platform.LINUX_AMD64,
            Optional.of(image), image)), "read from r.example");
    assertEquals("  linux/amd64: pinned " + AMD64_NOW + " (created 2026-12-01T10:00:00Z),"
        + " which the tag still names", current.lines().get(1));
  }
}
