package io.github.distrolessmaven.core.output;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.policy.SecurityContext;
import io.github.distrolessmaven.core.spec.OutputPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a build's results ({@code image.digest}, {@code image.id}, {@code image.json}, {@code security-context.yaml}, {@code sbom.cdx.json}), each atomically. */
public final class ImageOutputs {

  private ImageOutputs() {}

  /** @throws ImageBuildException naming the file that could not be written */
  public static void write(BuiltImage image, OutputPaths paths) throws ImageBuildException {
    write(paths.digest(), image.digest());
    write(paths.imageId(), image.imageId());
    write(paths.imageJson(), json(image));
  }

  /** Writes {@code security-context.yaml}, atomically. */
  public static void writeSecurityContext(SecurityContext security, OutputPaths paths)
      throws ImageBuildException {
    write(paths.securityContext(), security.yaml());
  }

  /** Writes {@code sbom.cdx.json}, atomically. */
  public static void writeSbom(byte[] sbom, OutputPaths paths) throws ImageBuildException {
    write(paths.sbom(), new String(sbom, StandardCharsets.UTF_8));
  }

  static String json(BuiltImage image) {
    return "{\n"
        + "  \"image\" : " + JsonText.string(image.image()) + ",\n"
        + "  \"digest\" : " + JsonText.string(image.digest()) + ",\n"
        + "  \"imageId\" : " + JsonText.string(image.imageId()) + ",\n"
        + "  \"tags\" : " + JsonText.strings(image.tags()) + ",\n"
        + "  \"base\" : " + JsonText.string(image.base()) + ",\n"
        + "  \"size\" : " + image.size() + platforms(image.platforms()) + "\n"
        + "}\n";
  }

  /** For an image index, each platform's image: platform, digest, imageId and size. */
  private static String platforms(List<BuiltImage.PlatformImage> platforms) {
    if (platforms.isEmpty()) {
      return "";
    }
    StringBuilder json = new StringBuilder(",\n  \"platforms\" : [");
    for (int i = 0; i < platforms.size(); i++) {
      BuiltImage.PlatformImage image = platforms.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append("    { \"platform\" : ").append(JsonText.string(image.platform()))
          .append(", \"digest\" : ").append(JsonText.string(image.digest()))
          .append(", \"imageId\" : ").append(JsonText.string(image.imageId()))
          .append(", \"size\" : ").append(image.size()).append(" }");
    }
    return json.append("\n  ]").toString();
  }

  private static void write(Path path, String content) throws ImageBuildException {
    try {
      AtomicFiles.writeString(path, content);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
