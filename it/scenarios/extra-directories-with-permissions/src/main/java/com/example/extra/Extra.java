package com.example.extra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reports what the runtime user can do with the extra files. */
public final class Extra {

  public static void main(String[] args) throws IOException {
    Properties settings = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("/app/config/settings.properties"))) {
      settings.load(in);
    }
    System.out.println("settings: " + settings.getProperty("source"));
    System.out.println("secret readable: " + Files.isReadable(Path.of("/app/config/secret.key")));
    System.out.println("check executable: " + Files.isExecutable(Path.of("/opt/app/bin/check")));
    System.out.println("config writable: " + Files.isWritable(Path.of("/app/config/settings.properties")));
  }
}
