package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One port the image exposes.
 *
 * @param number the port, 1 to 65535
 * @param protocol {@code tcp} or {@code udp}
 */
public record ExposedPort(int number, String protocol) {

  private static final Pattern SYNTAX =
      Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/([A-Za-z]+))?");

  /**
   * Parses Jib's port syntax: {@code 8080}, {@code 8080/udp}, {@code 7000-7003}, {@code 7000-7003/tcp}.
   *
   * @throws InvalidConfigurationException naming the entry and the accepted forms
   */
  public static Set<ExposedPort> parseAll(Collection<String> entries)
      throws InvalidConfigurationException {
    Set<ExposedPort> ports = new LinkedHashSet<>();
    for (String entry : entries) {
      ports.addAll(parse(entry));
    }
    return ports;
  }

  static List<ExposedPort> parse(String entry) throws InvalidConfigurationException {
    String value = entry == null ? "" : entry.trim();
    Matcher matcher = SYNTAX.matcher(value);
    if (!matcher.matches()) {
      throw invalid(value, "is not a port");
    }
    int first = Integer.parseInt(matcher.group(1));
    int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
    String protocol = matcher.group(3) == null ? "tcp" : matcher.group(3).toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw invalid(value, "has protocol '" + matcher.group(3) + "'; only tcp and udp exist");
    }
    if (first < 1 || last > 65535) {
      throw invalid(value, "is outside 1-65535");
    }
    if (last < first) {
      throw invalid(value, "is a range whose end is below its start");
    }
    List<ExposedPort> ports = new ArrayList<>();
    for (int port = first; port <= last; port++) {
      ports.add(new ExposedPort(port, protocol));
    }
    return ports;
  }

  private static InvalidConfigurationException invalid(String value, String problem) {
    return new InvalidConfigurationException(
        Setting.CONTAINER_PORTS,
        "'" + value + "' " + problem
            + ". Write a port as 8080, 8080/udp or a range 7000-7003 (protocol tcp or udp).");
  }
}
