package com.example.app;

public final class App {
  public static void main(String[] args) {
    System.out.println("built on a base read from a file");
  }
}
