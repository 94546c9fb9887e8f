package io.keras4j.internal;

/** Waiting for threads the library started. */
public final class Threads {
  private Threads() {}

  /**
   * Waits until every thread has ended, even when this thread is interrupted meanwhile (the
   * interrupt is kept for the caller, set again once all are done): a pipeline or a loop that
   * closes must not leave a thread of its own running.
   */
  public static void joinAll(Iterable<Thread> threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
