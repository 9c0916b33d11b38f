package com.example.shell;

public final class App {

  public static void main(String[] args) {
    System.out.println("started without a shell");
  }
}
