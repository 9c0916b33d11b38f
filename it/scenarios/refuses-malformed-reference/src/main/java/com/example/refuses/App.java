package com.example.refuses;

public final class App {

  public static void main(String[] args) {
    System.out.println("App ran");
  }
}
