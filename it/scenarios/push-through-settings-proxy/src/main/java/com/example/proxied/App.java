package com.example.proxied;

public final class App {

  public static void main(String[] args) {
    System.out.println("pushed through a proxy");
  }
}
