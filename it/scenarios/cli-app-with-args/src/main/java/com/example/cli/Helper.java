package com.example.cli;

/** A second class with a main method: <mainClass> decides, inference would refuse. */
public final class Helper {

  public static void main(String[] args) {
    System.out.println("the wrong main class ran");
  }
}
