package com.example.web;

/** A class a servlet container would load; nothing here starts on its own. */
public class Hello {
  public String greet() {
    return "hello from a war";
  }
}
