package com.example.packaged;

import java.io.InputStream;
import java.util.Properties;

/** Prints what only a packaged jar and the extra classpath give it. */
public class App {
  public static void main(String[] args) throws Exception {
    String version = App.class.getPackage().getImplementationVersion();
    String where = App.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    Properties greeting = new Properties();
    try (InputStream in = App.class.getClassLoader().getResourceAsStream("greeting.properties")) {
      if (in != null) {
        greeting.load(in);
      }
    }
    System.out.println("version=" + version + " from=" + where
        + " greeting=" + greeting.getProperty("greeting", "none"));
  }
}
