package com.example.baseread;

public final class App {

  public static void main(String[] args) {
    System.out.println("built on a base read through a failing registry");
  }
}
