package io.github.distrolessmaven.core.policy;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.contents.Executables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses an entrypoint the image cannot start, before anything is pushed or written: its first
 * element must lead (links followed, a bare name looked up on the image's {@code PATH}) to an
 * executable regular file of the final image, the base's layers with the application's over
 * them. A shell is the common case of a missing one: distroless bases have none, and the
 * command it would run is shown in exec form.
 */
public final class EntrypointCheck {

  /** The PATH distroless bases set, where the image's environment sets none. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final Set<String> SHELLS =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox");

  private EntrypointCheck() {}

  /**
   * @param entrypoint the image's exec-form entrypoint
   * @param base the base as messages name it
   * @param image what the final image can run
   * @param path the image's {@code PATH}, for a bare command name
   * @throws InvalidConfigurationException naming {@code <container><entrypoint>}, the path
   *     looked for and what the image has instead
   */
  public static void check(List<String> entrypoint, String base, Executables image, String path)
      throws InvalidConfigurationException {
    if (entrypoint.isEmpty()) {
      return;
    }
    String command = entrypoint.get(0);
    List<String> searchPath = Arrays.stream(path.split(":")).filter(d -> !d.isEmpty()).toList();
    boolean bare = !command.contains("/");
    boolean found = bare
        ? image.find(command, searchPath).isPresent()
        : image.resolve(command.startsWith("/") ? command : "/" + command).isPresent();
    if (found) {
      return;
    }
    String name = command.substring(command.lastIndexOf('/') + 1);
    String lookedFor = bare ? command + " on the image's PATH (" + path + ")" : command;
    if (SHELLS.contains(name)) {
      throw new InvalidConfigurationException(Setting.CONTAINER_ENTRYPOINT, "starts with "
          + lookedFor + ", a shell, but the base " + base + " has no shell (distroless images"
          + " have none, by design). Give the command itself in exec form, one element each: "
          + execForm(shellCommand(entrypoint.subList(1, entrypoint.size()))) + ".");
    }
    List<String> instead = alternatives(name, image, searchPath);
    throw new InvalidConfigurationException(Setting.CONTAINER_ENTRYPOINT, "starts with "
        + lookedFor + ", which is not an executable file in the image (the base " + base
        + " and the application's layers)"
        + (instead.isEmpty() ? "" : "; the image has " + String.join(", ", instead))
        + ". Name an executable the image has, or leave " + Setting.CONTAINER_ENTRYPOINT.element()
        + " out to start the main class with /usr/bin/java.");
  }

  /**
   * Refuses Jib's {@code <entrypoint>INHERIT</entrypoint>}: the entrypoint of a distroless Java
   * base is {@code java -jar}, which needs a runnable jar in the image that this plugin does
   * not put there, so inheriting it would give an image that cannot start.
   *
   * @throws InvalidConfigurationException naming the replacements
   */
  public static void refuseInherit(List<String> entrypoint) throws InvalidConfigurationException {
    if (entrypoint.size() == 1 && entrypoint.get(0).trim().equals("INHERIT")) {
      throw new InvalidConfigurationException(Setting.CONTAINER_ENTRYPOINT, "INHERIT (Jib's"
          + " keyword for the base's own entrypoint) is not supported: a distroless Java base's"
          + " entrypoint is 'java -jar', and the image holds no runnable jar for it. Leave "
          + Setting.CONTAINER_ENTRYPOINT.element() + " out to start the main class with"
          + " /usr/bin/java, or give the whole command in exec form, one element each, e.g. "
          + execForm(List.of("/usr/bin/java", "-cp", "/app/classes:/app/libs/*",
              "com.example.Main")) + ".");
    }
  }

  /**
   * Warns of {@code <jvmFlags>} elements that hold more than one flag, or quotes: the exec form
   * hands each element to the JVM as one argument, as it is.
   *
   * @return one warning per such element
   */
  public static List<String> jvmFlagWarnings(List<String> jvmFlags) {
    List<String> warnings = new ArrayList<>();
    for (String flag : jvmFlags) {
      String trimmed = flag.trim();
      boolean several = trimmed.matches("(?s).*\\s+-.*");
      boolean quoted = flag.contains("\"") || flag.contains("'");
      if (several || quoted) {
        warnings.add(Setting.CONTAINER_JVM_FLAGS.element() + " holds '" + flag + "', which java"
            + " gets as one argument, " + (several ? "flags and all" : "quotes and all")
            + " (no shell splits it or strips quotes). Give each flag its own element"
            + (several ? ": " + execForm(split(trimmed)) : ", without quotes") + ".");
      }
    }
    return warnings;
  }

  /** Where the image has a command of this name: on its PATH first, then anywhere. */
  private static List<String> alternatives(String name, Executables image,
      List<String> searchPath) {
    Set<String> found = new LinkedHashSet<>();
    for (String directory : searchPath) {
      String candidate = directory + "/" + name;
      image.resolve(candidate).ifPresent(real -> found.add(candidate));
    }
    found.addAll(image.named(name));
    return found.stream().limit(3).toList();
  }

  /**
   * The command a shell was given: a {@code -c} script split into words as a shell would (no
   * expansions), or the arguments themselves, the shell's own options left out.
   */
  static List<String> shellCommand(List<String> arguments) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals("-c") && i + 1 < arguments.size()) {
        words.addAll(split(arguments.get(++i)));
      } else if (!argument.startsWith("-") || !words.isEmpty()) {
        words.addAll(split(argument));
      }
    }
    return words;
  }

  /** Elements as a list to read: {@code ["/usr/bin/java", "-jar", "/app/app.jar"]}. */
  static String execForm(List<String> elements) {
    if (elements.isEmpty()) {
      return "[\"/usr/bin/java\", ...]";
    }
    return elements.stream().map(element -> "\"" + element + "\"")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /** Splits on blanks outside quotes, dropping the quotes, as a shell does (no expansions). */
  private static List<String> split(String script) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : script.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The PATH an image's environment gives, else the distroless default. */
  public static String pathOf(java.util.Map<String, String> environment) {
    return Optional.ofNullable(environment.get("PATH")).orElse(DEFAULT_PATH);
  }
}
