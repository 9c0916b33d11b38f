package io.github.distrolessmaven.core.base;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code tar://} or {@code oci://} base reference: which kind of file, where, and for a
 * layout the optional ref name after the path.
 */
record LocalReference(Kind kind, Path path, Optional<String> refName) {

  /** What the reference names. */
  enum Kind {
    /** {@code tar:///abs/file.tar}: a docker-archive or an OCI archive. */
    TAR,
    /** {@code oci:///abs/dir[:ref]}: an OCI image layout directory. */
    OCI_LAYOUT
  }

  static final String TAR_PREFIX = "tar://";
  static final String OCI_PREFIX = "oci://";

  /**
   * Spellings that are no registry reference ({@code tar:/...} cannot be host:port), so that they
   * get a message with the right spelling instead of "not a valid image reference". The last two
   * are skopeo's names for the same files.
   */
  private static final List<String> LOCAL_PREFIXES =
      List.of("tar:/", "oci:/", "oci-archive:/", "docker-archive:/");

  static boolean isLocal(String reference) {
    if (reference == null) {
      return false;
    }
    String trimmed = reference.trim();
    return LOCAL_PREFIXES.stream().anyMatch(trimmed::startsWith);
  }

  /**
   * Parses the reference and checks that its file or directory exists.
   *
   * @throws InvalidConfigurationException naming {@code <from><image>}, the expected spelling and,
   *     where it can, the corrected reference
   */
  static LocalReference parse(String reference, Path baseDirectory)
      throws InvalidConfigurationException {
    String text = reference == null ? "" : reference.trim();
    if (text.startsWith(TAR_PREFIX)) {
      Path path =
          path(text, text.substring(TAR_PREFIX.length()), "tar://path/base.tar", baseDirectory);
      requireFile(text, path);
      return new LocalReference(Kind.TAR, path, Optional.empty());
    }
    if (text.startsWith(OCI_PREFIX)) {
      return parseLayout(text, text.substring(OCI_PREFIX.length()), baseDirectory);
    }
    throw LocalBase.invalid(
        "'" + text + "' is not a local base reference. " + respelled(text));
  }

  private static LocalReference parseLayout(String text, String rest, Path baseDirectory)
      throws InvalidConfigurationException {
    // Like skopeo's oci:path:ref, the ref starts at the first ':' after the path's drive letter,
    // so a ref may itself hold ':' and '/' (docker.io/library/app:1.0) but the path cannot.
    int colon = rest.indexOf(':', windowsDrive(rest) ? 3 : 0);
    String pathText = colon < 0 ? rest : rest.substring(0, colon);
    Optional<String> refName = Optional.empty();
    if (colon >= 0) {
      String ref = rest.substring(colon + 1);
      if (ref.isEmpty()) {
        throw LocalBase.invalid(
            "'" + text + "' ends with ':' but names no ref. Write oci://" + pathText
                + ":REF to pick the image whose org.opencontainers.image.ref.name is REF, or"
                + " oci://" + pathText + " for a layout that holds one image.");
      }
      refName = Optional.of(ref);
    }
    Path path = path(text, pathText, "oci://path/layout[:ref]", baseDirectory);
    if (!Files.isDirectory(path)) {
      if (Files.isRegularFile(path)) {
        throw LocalBase.invalid(
            path + " is a file, but oci:// names an OCI image layout directory. For an archive"
                + " file write tar://" + pathText + ".");
      }
      throw LocalBase.invalid(
          path + " does not exist. Write the layout first, e.g. skopeo copy docker://IMAGE oci:"
              + pathText + ":1.0, or correct the path.");
    }
    return new LocalReference(Kind.OCI_LAYOUT, path, refName);
  }

  /**
   * The path the reference names: absolute after the scheme's two slashes ({@code
   * tar:///opt/base.tar}), or, as Jib reads {@code tar://base.tar}, relative to the project.
   */
  private static Path path(String text, String pathText, String form, Path baseDirectory)
      throws InvalidConfigurationException {
    boolean windows = File.separatorChar == '\\';
    // tar:///C:/base.tar on Windows: the third slash belongs to the URI, not to the path.
    String candidate = windows && windowsDrive(pathText) ? pathText.substring(1) : pathText;
    if (candidate.isBlank()) {
      throw LocalBase.invalid("'" + text + "' names no file. Write it as " + form + ", relative to"
          + " the project's folder, or with an absolute path after the scheme's two slashes.");
    }
    try {
      Path path = Path.of(candidate);
      return (path.isAbsolute() ? path : baseDirectory.resolve(path)).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw LocalBase.invalid(
          "'" + text + "' does not hold a valid path (" + e.getReason() + "). Write it as "
              + form + ".");
    }
  }

  private static void requireFile(String text, Path path) throws InvalidConfigurationException {
    if (Files.isRegularFile(path)) {
      return;
    }
    if (Files.isDirectory(path)) {
      throw LocalBase.invalid(
          path + " is a directory, but tar:// names an archive file. For an OCI image layout"
              + " directory write oci://" + path + ".");
    }
    throw LocalBase.invalid(
        path + " does not exist. Write the archive first, e.g. docker save IMAGE -o " + path
            + " or skopeo copy docker://IMAGE docker-archive:" + path + ", or correct '" + text
            + "'.");
  }

  private static boolean windowsDrive(String pathText) {
    return pathText.matches("/[A-Za-z]:([/\\\\].*)?");
  }

  /** The reference as this plugin spells it, for the skopeo and one-slash spellings. */
  private static String respelled(String text) {
    String suggestion;
    if (text.startsWith("oci-archive:")) {
      String rest = text.substring("oci-archive:".length());
      int colon = rest.indexOf(':');
      suggestion = "tar://" + (colon < 0 ? rest : rest.substring(0, colon));
    } else if (text.startsWith("docker-archive:")) {
      String rest = text.substring("docker-archive:".length());
      int colon = rest.indexOf(':');
      suggestion = "tar://" + (colon < 0 ? rest : rest.substring(0, colon));
    } else if (text.startsWith("tar:")) {
      suggestion = "tar://" + "/" + text.substring("tar:".length()).replaceFirst("^/+", "");
    } else if (text.startsWith("oci:")) {
      suggestion = "oci://" + "/" + text.substring("oci:".length()).replaceFirst("^/+", "");
    } else {
      return "Write tar:///abs/path/base.tar for a docker-archive or OCI archive, or"
          + " oci:///abs/path/layout[:ref] for an OCI image layout directory.";
    }
    return "Write it as " + suggestion + " (tar:///abs/path/base.tar for a docker-archive or OCI"
        + " archive, oci:///abs/path/layout[:ref] for an OCI image layout directory).";
  }
}
