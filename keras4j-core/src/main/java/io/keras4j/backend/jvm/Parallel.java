package io.keras4j.backend.jvm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The library's own worker threads. {@code ForkJoinPool.commonPool()} has parallelism 1 on two
 * cores, so it is not used. The calling thread takes chunks from a shared counter itself, so a
 * busy helper thread never stalls the caller.
 */
public final class Parallel {
  private static volatile int threads =
      Integer.getInteger(
          "keras4j.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
  private static volatile ExecutorService pool;

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

  private static ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (Parallel.class) {
        p = pool;
        if (p == null) {
          p =
              Executors.newCachedThreadPool(
                  r -> {
                    Thread t = new Thread(r, "keras4j-worker");
                    t.setDaemon(true);
                    return t;
                  });
          pool = p;
        }
      }
    }
    return p;
  }

  /**
   * Runs {@code body.accept(i)} for every i in [0, count), spread over up to {@link #threads()}
   * threads, the caller included. Returns when all are done; rethrows the first failure.
   */
  public static void forEach(int count, IntConsumer body) {
    int workers = Math.min(threads, count);
    if (workers <= 1) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            body.accept(i);
          }
        };
    @SuppressWarnings("unchecked")
    Future<?>[] helpers = new Future<?>[workers - 1];
    ExecutorService p = pool();
    for (int w = 0; w < helpers.length; w++) {
      helpers[w] = p.submit(worker);
    }
    worker.run();
    for (Future<?> f : helpers) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for keras4j workers", e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
    }
  }
}
