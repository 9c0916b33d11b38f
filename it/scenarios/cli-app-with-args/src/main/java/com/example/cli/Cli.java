package com.example.cli;

import java.util.Arrays;

/** Echoes what it was started with, one fact a line. */
public final class Cli {

  public static void main(String[] args) {
    System.out.println("greeting=" + System.getProperty("greeting"));
    System.out.println("APP_MODE=" + System.getenv("APP_MODE"));
    System.out.println("args=" + Arrays.toString(args));
  }
}
