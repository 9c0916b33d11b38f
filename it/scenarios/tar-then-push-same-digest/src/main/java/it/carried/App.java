package it.carried;

/** Prints a line, so that the image pushed from the archive can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("crossed the air gap");
  }
}
