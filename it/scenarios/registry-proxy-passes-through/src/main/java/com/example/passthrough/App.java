package com.example.passthrough;

public final class App {

  public static void main(String[] args) {
    System.out.println("pushed through the registry proxy");
  }
}
