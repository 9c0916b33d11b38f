package com.example.links;

import java.nio.file.Files;
import java.nio.file.Path;

public final class App {

  public static void main(String[] args) throws Exception {
    Path current = Path.of("/app/config/current.properties");
    Path active = Path.of("/app/config/active");
    System.out.println("current is a link to " + Files.readSymbolicLink(current));
    System.out.println(Files.readString(current).trim());
    System.out.println("active is a link to " + Files.readSymbolicLink(active));
    System.out.println(Files.readString(active.resolve("banner.txt")).trim());
  }
}
