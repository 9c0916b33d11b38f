package bench.small;

import org.apache.commons.lang3.StringUtils;

/** The class that the benchmark's one-class case edits: run.sh rewrites STAMP before each run. */
final class Greeting {
  static final String STAMP = "bench-0";

  private Greeting() {}

  static String of(String name) {
    return "Hello, " + StringUtils.capitalize(StringUtils.defaultIfBlank(name, "world")) + "!";
  }
}
