package it.archive;

/** Prints a line, so that the loaded image can be run. */
public final class App {
  public static void main(String[] args) {
    System.out.println("carried in one archive");
  }
}
