package com.example.repro;

public final class Main {

  public static void main(String[] args) {
    System.out.println(new com.google.gson.Gson().toJson(args));
  }
}
