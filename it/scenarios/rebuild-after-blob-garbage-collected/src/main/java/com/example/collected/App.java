package com.example.collected;

public final class App {

  public static void main(String[] args) {
    System.out.println("rebuilt after garbage collection");
  }
}
