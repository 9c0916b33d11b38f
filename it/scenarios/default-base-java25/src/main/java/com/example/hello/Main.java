package com.example.hello;

/**
 * The entry point as Java 25 allows it (JEP 512): an instance main method, neither static nor
 * public, without parameters, in a package-private class. Main-class inference finds it.
 */
class Main {

  void main() {
    System.out.println(new Hello(Runtime.version().feature()).text());
    System.out.println("java.version: " + System.getProperty("java.version"));
  }
}
