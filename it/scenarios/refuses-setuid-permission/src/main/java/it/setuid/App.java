package it.setuid;

/** Prints a line, so that the image can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("never built");
  }
}
