package com.example.big;

/** Carries a large data file. */
public class App {
  public static void main(String[] args) {
    System.out.println(new java.io.File("/data/blob.bin").length());
  }
}
