package io.github.distrolessmaven.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code <extraDirectories>}: directories copied into the image as they are, in the last layer. */
public class ExtraDirectoriesParameters {

  /**
   * The directories to copy: each a {@code <path>} with {@code <from>} and {@code <into>}, or,
   * as Jib writes it, a plain {@code <path>dir</path>} copied into {@code /}. Default Jib's
   * {@code src/main/jib}, then {@code src/main/distroless}, into {@code /}, those that exist.
   */
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

    /**
     * Globs of paths relative to {@code <from>}, e.g. {@code **}{@code /*.conf}: only the files
     * that match one are copied. Default: every file.
     */
    private List<String> includes = new ArrayList<>();

    /** Globs of the same kind: the files that match one are not copied. */
    private List<String> excludes = new ArrayList<>();

    File getFrom() {
      return from;
    }

    String getInto() {
      return into;
    }

    List<String> getIncludes() {
      return includes == null ? List.of() : includes;
    }

    List<String> getExcludes() {
      return excludes == null ? List.of() : excludes;
    }

    /**
     * {@code <path>dir</path>}, Jib's shorthand: the directory {@code dir}, copied into the
     * image's root.
     */
    public void set(File directory) {
      this.from = directory;
      this.into = "/";
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
