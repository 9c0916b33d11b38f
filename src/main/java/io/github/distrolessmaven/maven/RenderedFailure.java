package io.github.distrolessmaven.maven;

/**
 * A failure of the core as Maven shows it: its message and its causes' with every setting
 * reference spelled out, its stack trace kept for {@code -e}. Maven prints a failure's message
 * followed by each cause's that it does not already contain, so a cause that still held the
 * core's references would print them raw.
 */
final class RenderedFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Causes deeper than this are left out: a chain that long loops. */
  private static final int MAX_DEPTH = 16;

  private final String type;

  private RenderedFailure(String type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  /** {@code failure} and its causes, their messages rendered, their types and stacks kept. */
  static RenderedFailure of(Throwable failure) {
    return of(failure, 0);
  }

  private static RenderedFailure of(Throwable failure, int depth) {
    if (failure == null || depth == MAX_DEPTH) {
      return null;
    }
    Throwable cause = failure.getCause() == failure ? null : failure.getCause();
    RenderedFailure rendered = new RenderedFailure(failure.getClass().getName(),
        SettingNames.render(failure.getMessage()), of(cause, depth + 1));
    rendered.setStackTrace(failure.getStackTrace());
    return rendered;
  }

  /** As the failure it stands for would print itself. */
  @Override
  public String toString() {
    return getMessage() == null ? type : type + ": " + getMessage();
  }
}
