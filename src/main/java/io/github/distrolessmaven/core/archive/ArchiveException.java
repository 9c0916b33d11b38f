package io.github.distrolessmaven.core.archive;



/**
 * An image archive or layout that cannot be used, with a message that names the file and what is
 * wrong. The caller knows which setting named the file, and so whether the problem is the user's
 * choice of file or the file's state; the kind tells it which.
 */
public final class ArchiveException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of problem it is. */
  public enum Kind {
    /** A file that is whole but not what is needed: no image archive, another platform, an
     * ambiguous choice, a name that is not there. Another file, or another name, is the fix. */
    UNUSABLE,
    /** A file that is damaged: truncated, a blob that does not match its digest, one missing. */
    DAMAGED,
    /** A file that cannot be read at all: missing, no permission, an I/O error. */
    UNREADABLE
  }

  private final Kind kind;

  private ArchiveException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static ArchiveException unusable(String message) {
    return new ArchiveException(Kind.UNUSABLE, message, null);
  }

  public static ArchiveException damaged(String message) {
    return new ArchiveException(Kind.DAMAGED, message, null);
  }

  public static ArchiveException damaged(String message, Throwable cause) {
    return new ArchiveException(Kind.DAMAGED, message, cause);
  }

  public static ArchiveException unreadable(String message, Throwable cause) {
    return new ArchiveException(Kind.UNREADABLE, message, cause);
  }

  public Kind kind() {
    return kind;
  }
}
