package io.github.distrolessmaven.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Pools of threads that never keep the JVM alive, named for a thread dump. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A pool of {@code threads} daemon threads, each called {@code name}. */
  public static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}
