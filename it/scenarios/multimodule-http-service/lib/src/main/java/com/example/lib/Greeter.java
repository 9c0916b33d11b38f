package com.example.lib;

/** Lives in the reactor module "lib". */
public final class Greeter {

  private Greeter() {}

  public static String greet(String name) {
    return "hello " + name + " from the reactor module";
  }
}
