package com.example.refuses;

/** A class without a main method: nothing to run. */
public final class Library {

  public static String value() {
    return "Library";
  }
}
