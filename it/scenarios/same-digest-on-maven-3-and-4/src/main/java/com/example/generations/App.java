package com.example.generations;

import com.google.gson.Gson;
import java.util.Map;

/** Prints a line of JSON, through a dependency. */
public class App {
  public static void main(String[] args) {
    System.out.println(new Gson().toJson(Map.of("built", "by any Maven")));
  }
}
