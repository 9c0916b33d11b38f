package com.example.tar;

public final class Offline {

  public static void main(String[] args) {
    System.out.println("loaded from a docker-archive");
  }
}
