package io.github.distrolessmaven.core;

/**
 * A mistake in the user's configuration: names the setting at fault and the fix. Its message
 * refers to settings by {@link Setting} references, which the adapter spells out; the adapter
 * turns it into its own kind of failure (for Maven, a {@code MojoFailureException}).
 */
public final class InvalidConfigurationException extends Exception {

  private final Setting setting;

  /**
   * @param setting the setting at fault, as given in the build file (or either way)
   * @param problem what is wrong and how to fix it, as a user should read it
   */
  public InvalidConfigurationException(Setting setting, String problem) {
    this(setting, setting.element(), problem);
  }

  private InvalidConfigurationException(Setting setting, String where, String problem) {
    super(where + ": " + problem);
    this.setting = setting;
  }

  /** The same for a setting given as a command-line property: the message names the property. */
  public static InvalidConfigurationException inProperty(Setting setting, String problem) {
    return new InvalidConfigurationException(setting, setting.propertyName(), problem);
  }

  /**
   * The same refusal naming the setting's command-line property where this one names its build
   * file element: for the adapter, when the user gave the setting as its property. Itself when
   * it names anything else first.
   */
  public InvalidConfigurationException namingTheProperty() {
    String element = setting.element() + ": ";
    if (!getMessage().startsWith(element)) {
      return this;
    }
    InvalidConfigurationException renamed =
        inProperty(setting, getMessage().substring(element.length()));
    renamed.setStackTrace(getStackTrace());
    return renamed;
  }

  /** The setting at fault. */
  public Setting setting() {
    return setting;
  }
}
