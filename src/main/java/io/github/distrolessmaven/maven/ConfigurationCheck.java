package io.github.distrolessmaven.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The elements of the plugin's configuration in the POM that it does not read. Maven ignores a
 * top-level element a plugin does not declare, so a Jib configuration moved over, or a
 * misspelled element, would be dropped without a word: each is named, Jib's with what to do
 * instead, a misspelling with the parameter it is probably meant to be. (Maven itself refuses an
 * unknown element inside a parameter, naming it; the few of Jib's that a migrated {@code
 * <container>} holds are accepted there only to be named here.)
 */
final class ConfigurationCheck {

  /** Jib's elements with no counterpart here, by path, and what to do instead. */
  private static final Map<String, String> JIB = Map.of(
      "pluginExtensions", "Jib's extension API has no counterpart here",
      "dockerClient", "distroless:load needs no docker command: it speaks to the engine's API"
          + " socket, the one DOCKER_HOST names, else Docker's or Podman's default",
      "skaffold", "Skaffold's Jib integration does not drive this plugin",
      "container.expandClasspathDependencies", "the classpath always names each jar",
      "container.useCurrentTimestamp", "write <creationTime>USE_CURRENT_TIMESTAMP</creationTime>");

  private ConfigurationCheck() {}

  /**
   * One line per element of {@code configuration} the plugin does not read.
   *
   * @param parameters the plugin's parameters, every goal's: what may stand at the top
   */
  static List<String> unread(Xpp3Dom configuration, Collection<String> parameters) {
    List<String> lines = new ArrayList<>();
    if (configuration == null) {
      return lines;
    }
    for (Xpp3Dom child : configuration.getChildren()) {
      String name = child.getName();
      if (!parameters.contains(name)) {
        lines.add(line("<" + name + ">", name, parameters));
      } else if (name.equals("container")) {
        for (Xpp3Dom element : child.getChildren()) {
          String path = "container." + element.getName();
          if (JIB.containsKey(path)) {
            lines.add(line("<container><" + element.getName() + ">", path, List.of()));
          }
        }
      }
    }
    return lines;
  }

  private static String line(String where, String path, Collection<String> known) {
    String jib = JIB.get(path);
    if (jib != null) {
      return where + " is Jib's and is not read here: " + jib + ".";
    }
    Optional<String> meant = known.stream().filter(name -> close(name, path)).findFirst();
    return where + " is not a parameter of distroless-maven-plugin and is ignored"
        + meant.map(name -> "; did you mean <" + name + ">?").orElse(".");
  }

  /**
   * Whether {@code typed} is probably {@code known} misspelled: another case, or at most two
   * letters inserted, dropped or changed.
   */
  static boolean close(String known, String typed) {
    if (known.equalsIgnoreCase(typed)) {
      return true;
    }
    String a = known.toLowerCase(Locale.ROOT);
    String b = typed.toLowerCase(Locale.ROOT);
    if (Math.abs(a.length() - b.length()) > 2) {
      return false;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= 2;
  }
}
