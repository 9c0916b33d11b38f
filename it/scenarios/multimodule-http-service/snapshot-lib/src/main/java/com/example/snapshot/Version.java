package com.example.snapshot;

/** Lives in a SNAPSHOT jar from the local repository. */
public final class Version {

  private Version() {}

  public static String describe() {
    return "snapshot-lib 1.0-SNAPSHOT";
  }
}
