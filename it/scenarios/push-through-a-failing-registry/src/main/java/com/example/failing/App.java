package com.example.failing;

public final class App {

  public static void main(String[] args) {
    System.out.println("pushed through a failing registry");
  }
}
