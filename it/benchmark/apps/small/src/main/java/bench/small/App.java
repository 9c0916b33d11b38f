package bench.small;

import com.google.gson.Gson;
import java.util.Map;

/** Prints one JSON line: the greeting and the build stamp that the benchmark changes. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "world";
    System.out.println(new Gson().toJson(Map.of("greeting", Greeting.of(name), "stamp", Greeting.STAMP)));
  }
}
