package io.github.distrolessmaven.core.mainclass;

import java.util.Set;

/** Checks on Java names that users type into the configuration. */
public final class JavaNames {

  // Reserved keywords and literals (JLS 3.9, 3.10): never usable as a package or class name.
  private static final Set<String> RESERVED =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
          "null", "_");

  private JavaNames() {}

  /**
   * Whether {@code name} is a dotted binary class name such as {@code com.example.App} or {@code
   * com.example.Outer$Inner}, so that a typo in {@code <mainClass>} fails early rather than in the
   * running container.
   *
   * @param name the name to check; {@code null} is invalid
   * @return whether every dot-separated segment is a Java identifier that is not a keyword
   */
  public static boolean isValidBinaryClassName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (String segment : name.split("\\.", -1)) {
      if (!isIdentifier(segment)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String segment) {
    if (segment.isEmpty() || RESERVED.contains(segment)) {
      return false;
    }
    int first = segment.codePointAt(0);
    if (!Character.isJavaIdentifierStart(first)) {
      return false;
    }
    // Identifier-ignorable characters (controls, format chars) pass isJavaIdentifierPart, but in a
    // class name on a command line they are almost certainly a copy-paste accident.
    return segment
        .codePoints()
        .skip(1)
        .allMatch(c -> Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
  }
}
