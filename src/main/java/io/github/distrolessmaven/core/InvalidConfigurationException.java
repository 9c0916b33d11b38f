package io.github.distrolessmaven.core;

/**
 * A mistake in the user's configuration: names the XML element (or property) at fault and the
 * fix. The Maven adapter turns it into a {@code MojoFailureException}.
 */
public final class InvalidConfigurationException extends Exception {

  private final String element;

  /**
   * @param element the configuration element or property at fault, e.g. {@code <container><user>}
   * @param message what is wrong and how to fix it, as a user should read it
   */
  public InvalidConfigurationException(String element, String message) {
    super(element + ": " + message);
    this.element = element;
  }

  /** The configuration element or property at fault. */
  public String element() {
    return element;
  }
}
