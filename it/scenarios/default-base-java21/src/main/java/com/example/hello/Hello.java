package com.example.hello;

/** Uses a Java 21 feature (a record pattern in a switch), so only a Java 21 runtime can load it. */
public final class Hello {

  record Release(String name, int feature) {}

  public static void main(String[] args) {
    Object release = new Release("java", Runtime.version().feature());
    String text = switch (release) {
      case Release(String name, int feature) when feature >= 21 -> name + " " + feature + " runs release 21 classes";
      default -> "unexpected";
    };
    System.out.println(text);
    System.out.println("java.version: " + System.getProperty("java.version"));
  }
}
