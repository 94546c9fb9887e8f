package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.data.DatasetIterator;
import io.keras4j.internal.Threads;
import io.keras4j.models.StepData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches of a streaming {@link Dataset} (Keras's adapter for a tf.data dataset): its elements
 * taken as given, one per step, a new pass of the pipeline each epoch. The pipeline runs on a
 * daemon thread of its own (its tensors never borrow a step's pooled buffers, which a shuffle or
 * cache would keep past the step); {@link #close()} closes the pass (stopping a prefetch thread)
 * and that thread.
 */
final class DatasetBatches implements BatchSource {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Dataset data;
  private final String call;
  private final boolean needsTargets;
  private final Map<Integer, Double> classWeight;
  private final Integer stepsIfInfinite;
  private final ExecutorService puller;
  private final Thread[] thread = new Thread[1];
  private DatasetIterator pass;
  private StepData pending;
  private int deliveredThisPass;
  private int steps = -1;
  private int index;

  /**
   * @param call what the dataset was given to ("fit", "evaluate", ...), for errors
   * @param needsTargets whether each batch must have targets (fit and evaluate)
   * @param classWeight Keras's {@code class_weight}, turned into each batch's sample weights
   * @param stepsIfInfinite the steps of a pass over an infinite dataset (predict's steps), or null
   */
  DatasetBatches(
      Dataset data,
      String call,
      boolean needsTargets,
      Map<Integer, Double> classWeight,
      Integer stepsIfInfinite) {
    if (data.isUnbatched()) {
      throw new IllegalArgumentException(
          call
              + ": the Dataset's elements are single samples, but a Dataset is used as given, one"
              + " element per step (as Keras uses a tf.data dataset): batch it first, e.g."
              + " dataset.batch(32). Received: "
              + data);
    }
    this.data = data;
    this.call = call;
    this.needsTargets = needsTargets;
    this.classWeight = classWeight;
    this.stepsIfInfinite = stepsIfInfinite;
    String name = "keras4j-dataset-" + THREADS.incrementAndGet();
    this.puller =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              thread[0] = t;
              return t;
            });
  }

  @Override
  public int stepsPerPass() {
    if (steps >= 0) {
      return steps;
    }
    long n = data.cardinality();
    if (n == Dataset.INFINITE_CARDINALITY) {
      if (stepsIfInfinite != null) {
        return stepsIfInfinite;
      }
      throw new IllegalArgumentException(
          call
              + ": the Dataset is infinite ("
              + data
              + "), so the number of steps must be given: stepsPerEpoch for fit,"
              + " validationSteps for its validation data, steps for evaluate and predict.");
    }
    if (n < 0) {
      return UNKNOWN_STEPS; // learnt when the first pass ends (hasNext)
    }
    if (n == 0) {
      throw new IllegalArgumentException(call + ": the Dataset has no element. Received: " + data);
    }
    steps = (int) Math.min(n, Integer.MAX_VALUE);
    return steps;
  }

  @Override
  public void newPass() {
    if (pass != null && deliveredThisPass == 0) {
      return; // a pass opened to build the model, not yet used
    }
    openPass();
  }

  /** Closes the current pass (if any) and opens the next. */
  private void openPass() {
    DatasetIterator old = pass;
    pass = null;
    pending = null;
    deliveredThisPass = 0;
    pass =
        onPuller(
            () -> {
              if (old != null) {
                old.close();
              }
              return data.iterator();
            });
  }

  @Override
  public Batches.Batch next() {
    StepData d = pending;
    pending = null;
    if (d == null) {
      d = pull();
      if (d == null) {
        openPass(); // used up (stepsPerEpoch beyond the data): go on with a new pass, as Batches
        d = pull();
        if (d == null) {
          throw new IllegalStateException(call + ": the Dataset has no element: " + data);
        }
      }
    }
    deliveredThisPass++;
    if (needsTargets && d.targets().isEmpty()) {
      throw new IllegalArgumentException(
          call + " needs targets: element " + index + " of the Dataset has no y. Received: " + d);
    }
    if (classWeight != null) {
      d = TrainingData.withClassWeights(d, classWeight);
    }
    return new Batches.Batch(d, null, index++, 0);
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      pending = pull();
      if (pending == null) {
        if (deliveredThisPass == 0) {
          throw new IllegalArgumentException(
              call + ": the Dataset has no element. Received: " + data);
        }
        if (steps < 0) {
          steps = deliveredThisPass;
        }
        return false;
      }
    }
    return true;
  }

  /** The next element of the pass, or null at its end. */
  private StepData pull() {
    if (pass == null) {
      openPass();
    }
    DatasetIterator it = pass;
    return onPuller(() -> it.hasNext() ? it.next() : null);
  }

  @Override
  public List<Tensor> firstInputs() {
    if (pending == null) {
      if (pass == null || deliveredThisPass > 0) {
        openPass();
      }
      pending = pull();
      if (pending == null) {
        throw new IllegalArgumentException(
            call + ": the Dataset has no element. Received: " + data);
      }
    }
    return pending.inputs();
  }

  private <T> T onPuller(Callable<T> task) {
    Future<T> f = puller.submit(task);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // the element is needed: wait on, then restore the flag
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(call + ": the Dataset failed: " + e.getCause(), e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    DatasetIterator it = pass;
    pass = null;
    pending = null;
    try {
      if (it != null) {
        onPuller(
            () -> {
              it.close();
              return null;
            });
      }
    } finally {
      puller.shutdownNow();
      Thread t = thread[0];
      Threads.joinAll(t == null ? List.of() : List.of(t));
    }
  }
}
