package com.example.hello;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.lang3.StringUtils;

/** Greets, then shows what makes the image hardened: who it runs as, and that there is no shell. */
public final class Hello {

  public static void main(String[] args) throws IOException {
    String name = args.length > 0 ? args[0] : "world";
    System.out.println(StringUtils.capitalize("hello, " + name + "!"));
    System.out.println("message: " + resource("/message.txt"));
    System.out.println("java:    " + System.getProperty("java.version"));
    UnixSystem user = new UnixSystem();
    System.out.println("uid:gid: " + user.getUid() + ":" + user.getGid());
    System.out.println("shell:   " + (Files.exists(Path.of("/bin/sh")) ? "/bin/sh present" : "none"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Hello.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
