package it.creds;

/** Prints a line, so the pushed image can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("pushed with credentials");
  }
}
