package io.github.distrolessmaven.core.pipeline;

import io.github.distrolessmaven.core.DaemonThreads;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Work for each platform, side by side, two at a time (two cores: one platform's download,
 * decompression or upload overlaps the other's), on threads that never keep the JVM alive. The
 * results come back in the tasks' order; the first failure in that order is thrown as the task
 * threw it, and stops the tasks still running.
 */
final class SideBySide {

  /** One platform's part. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws ImageBuildException, InvalidConfigurationException;
  }

  private SideBySide() {}

  /**
   * Runs every task and waits for all of them.
   *
   * @param name the threads' name, for a thread dump
   * @param what what the tasks do, for a failure that is none of theirs ("reading the base")
   */
  static <T> List<T> run(String name, String what, List<Task<T>> tasks)
      throws ImageBuildException, InvalidConfigurationException {
    ExecutorService pool = threads(name, tasks.size());
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Task<T> task : tasks) {
        running.add(pool.submit(task::run));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> task : running) {
        results.add(result(task, what));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Threads for work per platform, two at a time, named for a thread dump. */
  static ExecutorService threads(String name, int tasks) {
    return DaemonThreads.pool(name, Math.max(1, Math.min(2, tasks)));
  }

  /**
   * The value of a task, or what it threw.
   *
   * @param what what the task does, for an interruption or an unexpected failure
   */
  static <T> T result(Future<T> task, String what)
      throws ImageBuildException, InvalidConfigurationException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ImageBuildException failure) {
        throw failure;
      }
      if (cause instanceof InvalidConfigurationException invalid) {
        throw invalid;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ImageBuildException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
          + " failed: " + cause, cause);
    }
  }
}
