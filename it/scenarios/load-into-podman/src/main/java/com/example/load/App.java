package com.example.load;

/** Says where it runs from. */
public class App {
  public static void main(String[] args) {
    System.out.println("loaded into the engine, running on " + System.getProperty("os.arch"));
  }
}
