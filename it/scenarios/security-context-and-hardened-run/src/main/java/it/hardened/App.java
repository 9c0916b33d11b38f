package it.hardened;

import java.nio.file.Files;
import java.nio.file.Path;

/** Shows it runs under the hardened flags: as whom, and that the root file system is read-only. */
public final class App {
  public static void main(String[] args) throws Exception {
    Path probe = Path.of("/app/probe");
    String writable;
    try {
      Files.writeString(probe, "x");
      writable = "writable";
    } catch (java.io.IOException e) {
      writable = "read-only";
    }
    System.out.println("uid=" + new com.sun.security.auth.module.UnixSystem().getUid() + " root-fs=" + writable);
  }
}
