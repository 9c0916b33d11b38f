package it.shell;

public class App {
  public static void main(String[] args) {
    System.out.println("built on a base with a shell");
  }
}
