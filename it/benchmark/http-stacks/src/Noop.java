/** Baseline: JVM start and exit, no HTTP. */
public class Noop {
  public static void main(String[] a) {
    long t0 = System.nanoTime();
    long done = System.currentTimeMillis();
    System.out.println("OK noop inproc_ms=" + (System.nanoTime() - t0) / 1_000_000 + " done_epoch_ms=" + done);
  }
}
