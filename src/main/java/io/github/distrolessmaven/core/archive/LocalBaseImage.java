package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.archive.LocalReference.Kind;
import io.github.distrolessmaven.core.archive.OciLayoutReader.OciImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A base image on disk instead of in a registry: {@code tar:///abs/file.tar}, a docker-archive or
 * an OCI archive told apart by content, or {@code oci:///abs/dir[:ref]}, an OCI image layout
 * directory. jib-core reads only docker-archives as a base, so OCI inputs are rewritten as one
 * under a work directory, once per image manifest.
 *
 * <p>An archive holding both {@code manifest.json} and {@code index.json}, as {@code docker
 * save} writes since Docker 25, is read as a docker-archive.
 */
public final class LocalBaseImage {

  private LocalBaseImage() {}

  /**
   * True for references starting with {@code tar:/} or {@code oci:/}, and for skopeo's
   * {@code oci-archive:/} and {@code docker-archive:/}, none of which is a registry reference;
   * {@link #checkSyntax} then tells the user how to write the latter two.
   */
  public static boolean isLocal(String reference) {
    return LocalReference.isLocal(reference);
  }

  /**
   * Checks the reference's form (scheme, absolute path, non-empty ref) and that its file or
   * directory exists. Reads nothing.
   *
   * @throws InvalidConfigurationException naming the base image setting and the correct spelling
   */
  public static void checkSyntax(String reference) throws InvalidConfigurationException {
    LocalReference.parse(reference);
  }

  /**
   * Reads and checks the base and returns a docker-archive of it for jib-core.
   *
   * <p>A docker-archive is checked and used where it is. An OCI archive or layout is written as a
   * docker-archive under {@code workDirectory}, named by the image manifest's digest: a later
   * build of the same image reuses it without copying. The manifest and config are verified
   * against their digests on every call; each layer when it is copied. Nothing is written when
   * a check fails.
   *
   * @param workDirectory where docker-archives of OCI inputs are kept; created when needed
   * @param expectedOs the platform the built image is for, e.g. {@code linux}
   * @param expectedArchitecture e.g. {@code amd64}: a base for another platform is refused, and
   *     from an index the entry for this platform is picked
   * @throws InvalidConfigurationException for a reference that is wrong, names no image archive,
   *     an image for another platform, or several images without saying which
   * @throws ImageBuildException when the file cannot be read or written, or is truncated or
   *     corrupt; the message names the file
   */
  public static PreparedBase prepare(
      String reference, Path workDirectory, String expectedOs, String expectedArchitecture)
      throws InvalidConfigurationException, ImageBuildException {
    LocalReference parsed = LocalReference.parse(reference);
    Platform platform = Platform.of(expectedOs, expectedArchitecture);
    if (parsed.kind() == Kind.OCI_LAYOUT) {
      return prepareLayout(parsed, workDirectory, platform);
    }
    try (TarEntries tar = TarEntries.open(parsed.path())) {
      if (tar.contains("manifest.json")) {
        return new DockerArchiveReader(tar, platform).read();
      }
      if (tar.contains("index.json") || tar.contains("oci-layout")) {
        Path path = parsed.path();
        String base = "the OCI archive " + path;
        OciImage image =
            new OciLayoutReader(tar, base, platform)
                .read(
                    Optional.empty(),
                    "A tar:// base must hold one image: extract the archive (mkdir DIR && tar -xf "
                        + path + " -C DIR) and name one as oci://DIR:REF.",
                    "oci-archive:" + path);
        return write(tar, image, workDirectory, "OCI archive " + path);
      }
      throw invalid(
          parsed.path() + " is a tar archive but no image archive: it holds neither"
              + " manifest.json (docker-archive) nor oci-layout and index.json (OCI archive)."
              + " Write it with docker save IMAGE -o FILE or skopeo copy docker://IMAGE"
              + " oci-archive:FILE.");
    }
  }

  private static PreparedBase prepareLayout(
      LocalReference reference, Path workDirectory, Platform platform)
      throws InvalidConfigurationException, ImageBuildException {
    Path directory = reference.path();
    if (!Files.exists(directory.resolve("oci-layout"))
        && !Files.exists(directory.resolve("index.json"))) {
      throw invalid(
          directory + " is not an OCI image layout: it holds neither oci-layout nor index.json."
              + " Point oci:// at the directory that skopeo copy docker://IMAGE oci:DIR:REF"
              + " wrote.");
    }
    try (LayoutDirectory layout = new LayoutDirectory(directory)) {
      String base = "the OCI layout " + directory;
      OciImage image =
          new OciLayoutReader(layout, base, platform)
              .read(
                  reference.refName(),
                  "Name one as oci://" + directory + ":REF.",
                  "oci:" + directory + reference.refName().map(ref -> ":" + ref).orElse(""));
      return write(layout, image, workDirectory, "OCI layout " + directory);
    }
  }

  private static PreparedBase write(
      ImageFiles files, OciImage image, Path workDirectory, String description)
      throws ImageBuildException {
    Path target = DockerArchiveWriter.target(workDirectory, image);
    // Named by the manifest digest, which pins config and layers, and written only whole: an
    // archive under this name is this image.
    if (!Files.isRegularFile(target)) {
      new DockerArchiveWriter(files).write(image, target);
    }
    return new PreparedBase(
        target,
        description + image.refName().map(ref -> " (ref " + ref + ")").orElse(""),
        Optional.of(image.manifestDigest()),
        image.config().digest());
  }

  static InvalidConfigurationException invalid(String message) {
    return new InvalidConfigurationException(Setting.FROM_IMAGE, message);
  }
}
