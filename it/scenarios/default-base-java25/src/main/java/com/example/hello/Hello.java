package com.example.hello;

/** Uses a Java 25 feature (flexible constructor bodies, JEP 513), so only a Java 25 runtime can load it. */
final class Hello {

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

  String text() {
    return text;
  }
}
