package io.keras4j.trainers;

import io.keras4j.internal.Threads;
import io.keras4j.models.StepData;
import io.keras4j.utils.Sequence;
import io.keras4j.utils.SequenceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produces a {@link Sequence}'s batches ahead of the trainer, as Keras's {@code OrderedEnqueuer}:
 * {@code workers} daemon threads run {@code get(index)} for the planned indices, at most {@code
 * maxQueueSize} batches ahead of the one delivered; {@link #next()} delivers them in the planned
 * order, rethrowing a failed {@code get} as a {@link SequenceException} naming the index.
 *
 * <p>{@link #discard()} drops what was produced ahead and waits for the {@code get} calls still
 * running, so that the caller may then run {@code onEpochEnd} with no {@code get} in progress;
 * {@link #close()} also stops the threads and joins them. With {@code workers == 0} each batch is
 * produced by {@link #next()} itself.
 */
final class Prefetcher implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Sequence sequence;
  private final String call;
  private final int workers;
  private final int maxQueueSize;
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private ExecutorService executor;

  /** Bumped by {@link #discard()}: a task of an older generation does not call {@code get}. */
  private volatile int generation;

  /** Tasks inside their {@code get} call (guarded by {@code this}). */
  private int active;

  private int[] plan = new int[0];
  private int planned; // next position of plan to submit
  private int delivered; // next position of plan to deliver

  private record Pending(int index, Future<StepData> future) {}

  Prefetcher(Sequence sequence, String call) {
    this.sequence = sequence;
    this.call = call;
    this.workers = sequence.workers();
    this.maxQueueSize = sequence.maxQueueSize();
  }

  /** Plans {@code indices[from..]}: the batches {@link #next()} delivers from now on. */
  void plan(int[] indices, int from) {
    discard();
    this.plan = indices;
    this.planned = from;
    this.delivered = from;
  }

  /** The next planned batch (produced ahead by the workers). */
  StepData next() {
    if (delivered >= plan.length) {
      throw new IllegalStateException("No batch is planned: the pass is used up.");
    }
    if (workers == 0) {
      planned = delivered + 1;
      return produceNow(plan[delivered++]);
    }
    topUp();
    Pending p = inFlight.poll();
    delivered++;
    topUp(); // keep the workers busy while the caller trains on this batch
    return await(p);
  }

  /** Produces one batch on the caller's thread (to build a model before the first step). */
  StepData produceNow(int index) {
    try {
      return checked(sequence.get(index), index);
    } catch (RuntimeException | Error e) {
      throw failure(index, e);
    }
  }

  private void topUp() {
    while (inFlight.size() < maxQueueSize && planned < plan.length) {
      int index = plan[planned++];
      int gen = generation;
      inFlight.add(new Pending(index, executor().submit(() -> produce(index, gen))));
    }
  }

  private StepData produce(int index, int gen) {
    synchronized (this) {
      active++;
    }
    try {
      // Read after counting this task as active: discard() either sees it active or stops it here.
      if (gen != generation) {
        return null;
      }
      return checked(sequence.get(index), index);
    } finally {
      synchronized (this) {
        active--;
        notifyAll();
      }
    }
  }

  private StepData checked(StepData batch, int index) {
    if (batch == null || batch.inputs().isEmpty()) {
      throw new IllegalArgumentException(
          sequence.getClass().getSimpleName()
              + ".get("
              + index
              + ") must return a batch with at least one input tensor. Received: "
              + batch);
    }
    return batch;
  }

  private StepData await(Pending p) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return p.future.get();
        } catch (InterruptedException e) {
          interrupted = true; // the batch is needed: wait on, then restore the flag
        } catch (ExecutionException e) {
          throw failure(p.index, e.getCause());
        } catch (CancellationException e) {
          throw new IllegalStateException("Batch " + p.index + " was cancelled", e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private SequenceException failure(int index, Throwable cause) {
    return new SequenceException(
        "The "
            + sequence.getClass().getSimpleName()
            + " given to "
            + call
            + " failed to produce batch "
            + index
            + ": get("
            + index
            + ") threw "
            + cause,
        index,
        cause);
  }

  /** Drops the batches produced ahead and waits until no {@code get} call is running. */
  void discard() {
    generation++;
    for (Pending p : inFlight) {
      p.future.cancel(false);
    }
    inFlight.clear();
    planned = delivered;
    boolean interrupted = false;
    synchronized (this) {
      while (active > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the workers and waits for their threads to end. */
  @Override
  public void close() {
    discard();
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    List<Thread> started;
    synchronized (threads) {
      started = new ArrayList<>(threads);
    }
    Threads.joinAll(started);
  }

  private ExecutorService executor() {
    if (executor == null) {
      String prefix = "keras4j-sequence-" + POOLS.incrementAndGet() + "-";
      AtomicInteger n = new AtomicInteger();
      executor =
          Executors.newFixedThreadPool(
              workers,
              r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                synchronized (threads) {
                  threads.add(t);
                }
                return t;
              });
    }
    return executor;
  }
}
