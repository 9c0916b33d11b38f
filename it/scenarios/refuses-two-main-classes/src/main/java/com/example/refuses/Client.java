package com.example.refuses;

public final class Client {

  public static void main(String[] args) {
    System.out.println("Client ran");
  }
}
