package com.example.hello;

/** Uses a Java 25 feature (flexible constructor bodies, JEP 513), so only a Java 25 runtime can load it. */
public final class Hello {

  private final String text;

  Hello(int feature) {
    if (feature < 25) {
      throw new IllegalStateException("needs Java 25, got " + feature);
    }
    String computed = "java " + feature + " runs release 25 classes";
    this(computed, true);
  }

  private Hello(String text, boolean unused) {
    this.text = text;
  }

  public static void main(String[] args) {
    System.out.println(new Hello(Runtime.version().feature()).text);
    System.out.println("java.version: " + System.getProperty("java.version"));
  }
}
