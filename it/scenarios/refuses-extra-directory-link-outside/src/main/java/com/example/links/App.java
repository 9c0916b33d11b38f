package com.example.links;

public final class App {

  public static void main(String[] args) {
    System.out.println("never built");
  }
}
