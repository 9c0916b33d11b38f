package com.example.refuses;

public final class Server {

  public static void main(String[] args) {
    System.out.println("Server ran");
  }
}
