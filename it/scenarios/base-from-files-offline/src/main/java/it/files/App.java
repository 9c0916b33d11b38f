package it.files;

/** Prints a line, so that each image built on a base from a file can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("built on a base from a file");
  }
}
