package com.example.multi;

import com.sun.security.auth.module.UnixSystem;

public class App {
  public static void main(String[] args) {
    System.out.println("running on " + System.getProperty("os.arch") + " as "
        + new UnixSystem().getUid());
  }
}
