package io.github.distrolessmaven.core.policy;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;

/**
 * Refuses app file modes that would weaken the image: setuid and setgid bits (a way to regain
 * privileges) and world-writable files (a way for the runtime user to change the app).
 */
public final class FileModes {

  private FileModes() {}

  /**
   * @param glob the {@code <permission><file>} the mode is for
   * @param mode the mode bits, e.g. 0755; only the nine permission bits are acceptable
   * @param setting where it was configured
   */
  public static void check(String glob, int mode, Setting setting)
      throws InvalidConfigurationException {
    if ((mode & 06000) != 0) {
      throw new InvalidConfigurationException(
          setting,
          "'" + glob + "' gets mode " + String.format("%04o", mode) + ", with a setuid or setgid"
              + " bit, which would let the app regain privileges. Use a mode without them, e.g. 755.");
    }
    if ((mode & 01000) != 0) {
      throw new InvalidConfigurationException(
          setting,
          "'" + glob + "' gets mode " + String.format("%04o", mode) + ", with the sticky bit,"
              + " which means nothing for app files. Write three digits, e.g. 755.");
    }
    if ((mode & 0002) != 0) {
      throw new InvalidConfigurationException(
          setting,
          "'" + glob + "' gets mode " + String.format("%03o", mode) + ", writable by every user,"
              + " so the runtime user could change the app. Use a mode without the last write bit,"
              + " e.g. 644 or 755; write data to a volume or /tmp instead.");
    }
  }
}
