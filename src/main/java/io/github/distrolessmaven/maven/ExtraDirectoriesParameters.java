package io.github.distrolessmaven.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code <extraDirectories>}: directories copied into the image as they are, in the last layer. */
public class ExtraDirectoriesParameters {

  /** The directories to copy. Default {@code src/main/distroless} into {@code /}, when it exists. */
  private List<ExtraPath> paths = new ArrayList<>();

  /** Modes for files in the image, by glob of their image path; default 644 for files, 755 for directories. */
  private List<Permission> permissions = new ArrayList<>();

  List<ExtraPath> getPaths() {
    return paths;
  }

  List<Permission> getPermissions() {
    return permissions;
  }

  /** {@code <path>}: one directory and where it goes. */
  public static class ExtraPath {

    /** The directory on disk, relative to the project's base directory. */
    private File from;

    /** The absolute path in the image. Default {@code /}. */
    private String into = "/";

    File getFrom() {
      return from;
    }

    String getInto() {
      return into;
    }
  }

  /** {@code <permission>}: a mode for the image paths a glob matches. */
  public static class Permission {

    /** A glob of image paths, e.g. {@code /app/bin/*}. */
    private String file;

    /** Three octal digits, e.g. {@code 755}. */
    private String mode;

    String getFile() {
      return file;
    }

    String getMode() {
      return mode;
    }
  }
}
