package com.example.worker;

import com.example.lib.Greeting;

public final class Worker {
  public static void main(String[] args) {
    System.out.println(Greeting.of("worker"));
  }
}
