package com.example.lib;

/** A library: no main method. */
public final class Greeting {
  private Greeting() {}

  public static String of(String who) {
    return who + " says hello";
  }
}
