package it.offline;

/** Prints a line, so that the archive built offline can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("built offline");
  }
}
