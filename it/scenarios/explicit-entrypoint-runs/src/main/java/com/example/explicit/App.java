package com.example.explicit;

public final class App {

  public static void main(String[] args) {
    System.out.println("started by the entrypoint as given");
  }
}
