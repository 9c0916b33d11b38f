package com.example.tagrefused;

public final class App {

  public static void main(String[] args) {
    System.out.println("tag refused");
  }
}
