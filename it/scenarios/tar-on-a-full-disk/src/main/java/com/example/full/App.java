package com.example.full;

public final class App {

  public static void main(String[] args) {
    System.out.println("never written: the disk is full");
  }
}
