package io.github.distrolessmaven.core.contents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dpkg's records of installed packages: {@code /var/lib/dpkg/status}, which holds one deb822
 * paragraph per package known to dpkg, and the files of {@code /var/lib/dpkg/status.d/}, which
 * distroless images carry instead, one paragraph each.
 */
public final class DpkgStatus {

  /** deb822 field names are printable ASCII without spaces or colons, and start no comment. */
  private static final Pattern FIELD = Pattern.compile("([!-9;-~][!-9;-~]*):(.*)");

  private static final Pattern SOURCE_VERSION = Pattern.compile("\\s*\\(.*\\)\\s*$");

  private DpkgStatus() {}

  /**
   * The installed packages the text records. A paragraph without {@code Package} or {@code Version}
   * is no package; one with a {@code Status} counts only when its state (the last word) is {@code
   * installed}, so removed packages whose configuration files remain are left out. status.d files
   * have no {@code Status}: their paragraphs all count.
   */
  public static List<DebianPackage> parse(String text) {
    List<DebianPackage> packages = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    String last = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        addIfInstalled(fields, packages);
        fields.clear();
        last = null;
      } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (last != null) {
          fields.merge(last, "\n" + line.trim(), String::concat);
        }
      } else if (line.charAt(0) != '#') {
        Matcher field = FIELD.matcher(line);
        // Anything else (an md5sums line, a stray word) is not deb822 and says nothing.
        last = field.matches() ? field.group(1).toLowerCase(Locale.ROOT) : null;
        if (last != null) {
          fields.put(last, field.group(2).trim());
        }
      }
    }
    addIfInstalled(fields, packages);
    return packages;
  }

  private static void addIfInstalled(Map<String, String> fields, List<DebianPackage> packages) {
    String name = fields.get("package");
    String version = fields.get("version");
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      return;
    }
    String status = fields.get("status");
    if (status != null && !lastWord(status).equals("installed")) {
      return;
    }
    packages.add(
        new DebianPackage(name, version, emptyToNull(fields.get("architecture")), source(fields)));
  }

  /** "glibc (2.36-9)" names the source package and, when it differs, its version: keep the name. */
  private static Optional<String> source(Map<String, String> fields) {
    return Optional.ofNullable(fields.get("source"))
        .map(source -> SOURCE_VERSION.matcher(source).replaceFirst(""))
        .filter(source -> !source.isEmpty());
  }

  private static String lastWord(String value) {
    String[] words = value.trim().split("\\s+");
    return words[words.length - 1];
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
