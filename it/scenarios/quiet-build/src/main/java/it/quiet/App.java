package it.quiet;

/** Prints a line, so that a built image has something to run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("built quietly");
  }
}
