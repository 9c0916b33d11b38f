package it.fast;

import com.google.gson.Gson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

public class App {
  public static void main(String[] args) throws Exception {
    try (InputStream in = App.class.getResourceAsStream("/greeting.txt")) {
      String greeting = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      System.out.println(new Gson().toJson("first class: " + greeting + " " + System.getenv("APP_MODE")));
    }
  }
}
