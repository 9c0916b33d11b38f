package com.example.api;

import com.example.lib.Greeting;

public final class Api {
  public static void main(String[] args) {
    System.out.println(Greeting.of("api"));
  }
}
