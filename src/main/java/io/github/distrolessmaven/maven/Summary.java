package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.LogText;
import io.github.distrolessmaven.core.output.BuiltImage;
import io.github.distrolessmaven.core.pipeline.Destination;
import io.github.distrolessmaven.core.policy.SecurityContext;
import io.github.distrolessmaven.core.spec.OutputPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines a build ends with: image, digest and size; for an image index, one line per
 * platform with its image's digest and size; where the SBOM is; and how to run the image
 * hardened, after loading it where it is not in an engine or registry yet.
 */
final class Summary {

  private Summary() {}

  /** Every line of the summary of a build that put {@code image} where {@code destination} says. */
  static List<String> report(Destination destination, BuiltImage image, OutputPaths outputs,
      SecurityContext security) {
    List<String> lines = new ArrayList<>();
    lines.add(of(image.upToDate() ? "Up to date" : switch (destination) {
      case REGISTRY -> "Pushed";
      case TAR -> "Wrote " + outputs.tar() + " with";
      case ENGINE -> "Loaded into the engine";
    }, image));
    lines.addAll(platforms(image.platforms()));
    lines.add("SBOM: " + outputs.sbom() + (destination == Destination.ENGINE
        ? " (an engine keeps no SBOM beside an image: push with distroless:build to attach it)"
        // An index's place names each platform's image.
        : ", attached to " + (image.platforms().isEmpty() ? "the image in " : "")
            + image.sbomAttached()));
    String run = "podman run " + security.runFlags() + " " + image.image() + " (Kubernetes: "
        + outputs.securityContext().getFileName() + ")";
    // An archive is in no engine or registry yet: first, how to get it into one.
    lines.add(destination == Destination.TAR
        ? "Load it: docker load -i " + outputs.tar() + " (or podman load -i " + outputs.tar()
            + "), then run it hardened: " + run
        : "Run it hardened: " + run);
    return lines;
  }

  static String of(String verb, BuiltImage image) {
    return line(verb, image.image(), image.digest(), image.size(), image.tags())
        + index(image.platforms());
  }

  /** What follows the image's line for an image index: the number of its platforms. */
  static String index(List<BuiltImage.PlatformImage> platforms) {
    return platforms.isEmpty() ? "" : ", an index of " + platforms.size() + " platforms:";
  }

  /**
   * "Pushed host/repo:1@sha256:... (3.0 MB), also tagged 2, latest": the image, its digest and
   * size, and every other tag it went under.
   *
   * @param tags every tag, the image's own first
   */
  static String line(String verb, String image, String digest, long size, List<String> tags) {
    return String.format(Locale.ROOT, "%s %s@%s (%s)%s", verb, image, digest, LogText.size(size),
        tags.size() > 1 ? ", also tagged " + String.join(", ", tags.subList(1, tags.size())) : "");
  }

  /** For an image index, a line per platform: its image's digest and size; else none. */
  static List<String> platforms(List<BuiltImage.PlatformImage> platforms) {
    return platforms.stream().map(platform -> String.format(Locale.ROOT, "  %s %s (%s)",
        platform.platform(), platform.digest(), LogText.size(platform.size()))).toList();
  }
}
