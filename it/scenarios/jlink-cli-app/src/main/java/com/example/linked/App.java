package com.example.linked;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Says which runtime runs it, as whom, and which modules it has. With the argument "sql" it
 * loads JDBC's DriverManager by name, as a framework does: jdeps cannot see that use.
 */
public class App {
  public static void main(String[] args) throws Exception {
    Logger.getLogger("linked").fine("java.logging is a module jdeps finds");
    String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("Uid:")).findFirst().orElse("Uid: ?").split("\\s+")[1];
    System.out.println("java.home=" + System.getProperty("java.home"));
    System.out.println("java.version=" + Runtime.version().feature());
    System.out.println("uid=" + uid);
    System.out.println("modules=" + ModuleLayer.boot().modules().size());
    System.out.println("java.logging=" + ModuleLayer.boot().findModule("java.logging").isPresent());
    if (args.length > 0 && args[0].equals("sql")) {
      try {
        Class.forName("java.sql.DriverManager");
        System.out.println("java.sql=present");
      } catch (ClassNotFoundException e) {
        System.out.println("java.sql=missing");
      }
    }
  }
}
