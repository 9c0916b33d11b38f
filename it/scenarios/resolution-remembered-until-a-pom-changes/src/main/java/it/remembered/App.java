package it.remembered;

/** Prints its classpath: which jars the image's resolution put there. */
public final class App {

  public static void main(String[] args) {
    System.out.println(System.getProperty("java.class.path"));
  }
}
