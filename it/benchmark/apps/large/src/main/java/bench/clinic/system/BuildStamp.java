package bench.clinic.system;

/** The class that the benchmark's one-class case edits: run.sh rewrites VALUE before each run. */
public final class BuildStamp {
  public static final String VALUE = "bench-0";

  private BuildStamp() {}
}
