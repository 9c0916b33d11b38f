package com.example.ci;

/** Built by a CI job. */
public class App {
  public static void main(String[] args) {
    System.out.println("built in CI");
  }
}
