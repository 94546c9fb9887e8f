package io.keras4j.backend.jvm;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The library's own worker threads. {@code ForkJoinPool.commonPool()} has parallelism 1 on two
 * cores, so it is not used.
 *
 * <p>A job is a count of chunks behind a shared counter. The caller publishes it, then claims
 * chunks itself like any helper; afterwards it waits only for chunks that helpers have actually
 * claimed. A helper that wakes up late (its core was busy) finds no chunk left and the caller never
 * waited for it: a hand-off where the caller waited for every helper stalled ~8 ms per call on a
 * loaded 2-core machine. Helpers spin briefly before parking so that back-to-back jobs (one
 * training step issues many) do not pay the OS wake-up each time.
 */
public final class Parallel {
  /** How long an idle helper polls for the next job before parking. */
  private static final long SPIN_NANOS = 50_000;

  private static volatile int threads =
      Integer.getInteger(
          "keras4j.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
  private static final ConcurrentLinkedQueue<Job> JOBS = new ConcurrentLinkedQueue<>();

  /** Started helpers; helper i takes part while i < threads - 1. Grows, never shrinks. */
  private static volatile Thread[] helpers = new Thread[0];

  private Parallel() {}

  public static int threads() {
    return threads;
  }

  public static synchronized void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1. Received: threads=" + n);
    }
    threads = n;
  }

  /**
   * Runs {@code body.accept(i)} for every i in [0, count), spread over up to {@link #threads()}
   * threads, the caller included. Returns when all are done; rethrows the first failure (the chunks
   * not yet started are then skipped).
   */
  public static void forEach(int count, IntConsumer body) {
    int workers = Math.min(threads, count);
    if (workers <= 1) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    Thread[] hs = helpers(workers - 1);
    Job job = new Job(count, body, Thread.currentThread());
    JOBS.offer(job);
    for (int h = 0; h < workers - 1; h++) {
      LockSupport.unpark(hs[h]);
    }
    job.run();
    JOBS.remove(job);
    job.awaitClaimedChunks();
    Throwable f = job.failure;
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
  }

  private static Thread[] helpers(int needed) {
    Thread[] hs = helpers;
    if (hs.length >= needed) {
      return hs;
    }
    synchronized (Parallel.class) {
      hs = helpers;
      if (hs.length < needed) {
        Thread[] grown = java.util.Arrays.copyOf(hs, needed);
        for (int i = hs.length; i < needed; i++) {
          int index = i;
          grown[i] = new Thread(() -> helperLoop(index), "keras4j-worker-" + i);
          grown[i].setDaemon(true);
          grown[i].start();
        }
        helpers = grown;
        hs = grown;
      }
      return hs;
    }
  }

  private static void helperLoop(int index) {
    long idleSince = System.nanoTime();
    while (true) {
      Job job = index < threads - 1 ? JOBS.peek() : null;
      if (job != null) {
        job.run();
        JOBS.remove(job);
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        // forEach offers the job before unparking, so a job offered after the peek above leaves
        // a permit and this park returns at once.
        LockSupport.park(Parallel.class);
      }
    }
  }

  private static final class Job {
    final int count;
    final IntConsumer body;
    final Thread caller;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    volatile Throwable failure;

    Job(int count, IntConsumer body, Thread caller) {
      this.count = count;
      this.body = body;
      this.caller = caller;
    }

    /** Claims and runs chunks until none is left. */
    void run() {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        try {
          if (failure == null) {
            body.accept(i);
          }
        } catch (Throwable t) {
          synchronized (this) {
            if (failure == null) {
              failure = t;
            }
          }
        } finally {
          if (done.incrementAndGet() == count && Thread.currentThread() != caller) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    /** Called once every chunk is claimed: waits for the ones helpers are still running. */
    void awaitClaimedChunks() {
      long start = System.nanoTime();
      while (done.get() < count) {
        if (System.nanoTime() - start < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
    }
  }
}
