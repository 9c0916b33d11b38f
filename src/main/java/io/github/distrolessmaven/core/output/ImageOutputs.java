package io.github.distrolessmaven.core.output;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.policy.SecurityContext;
import io.github.distrolessmaven.core.spec.OutputPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
        + "  \"size\" : " + image.size() + "\n"
        + "}\n";
  }

  private static void write(Path path, String content) throws ImageBuildException {
    try {
      AtomicFiles.writeString(path, content);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
