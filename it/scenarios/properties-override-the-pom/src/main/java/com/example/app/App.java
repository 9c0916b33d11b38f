package com.example.app;

import java.util.List;

public final class App {
  public static void main(String[] args) {
    System.out.println("args " + List.of(args));
    System.out.println("GREETING " + System.getenv("GREETING"));
    System.out.println("suffix " + System.getProperty("suffix"));
  }
}
