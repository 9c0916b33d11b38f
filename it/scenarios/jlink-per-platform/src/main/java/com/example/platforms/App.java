package com.example.platforms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** Says which runtime runs it, on which CPU, as whom. */
public class App {
  public static void main(String[] args) throws Exception {
    Logger.getLogger("platforms").fine("java.logging is a module jdeps finds");
    String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("Uid:")).findFirst().orElse("Uid: ?").split("\\s+")[1];
    System.out.println("os.arch=" + System.getProperty("os.arch"));
    System.out.println("java.home=" + System.getProperty("java.home"));
    System.out.println("java.version=" + System.getProperty("java.version"));
    System.out.println("uid=" + uid);
    System.out.println("modules=" + ModuleLayer.boot().modules().size());
  }
}
