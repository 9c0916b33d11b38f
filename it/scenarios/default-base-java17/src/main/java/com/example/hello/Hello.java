package com.example.hello;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prints what proves the image works: a resource, a dependency, the JVM and the user. */
public final class Hello {

  public static void main(String[] args) throws IOException {
    try (InputStream greeting = Hello.class.getResourceAsStream("/greeting.txt")) {
      System.out.println("resource: " + new String(greeting.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
    System.out.println("dependency: " + new Gson().toJson(Map.of("gson", "works")));
    System.out.println("java.version: " + System.getProperty("java.version"));
    // The kernel's view of the process, not the JVM's: "Uid: real effective saved fs".
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Uid:") || line.startsWith("Gid:")) {
        System.out.println(line.replaceAll("\\s+", " "));
      }
    }
  }
}
