package it.leak;

/** Prints its arguments: any the base's Cmd smuggled in would show. */
public final class App {
  public static void main(String[] args) {
    System.out.println("args=" + args.length + " " + String.join(" ", args));
  }
}
