package io.keras4j.benchmarks;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Whether {@code Dataset.prefetch} keeps the trainer busy: fit steps on a pipeline whose {@code
 * map} stage costs about one training step (a busy wait of the measured step time), without and
 * with {@code prefetch(2)}. Without prefetch a step costs map + train; with it the map runs on the
 * producer thread during the step, so a step should cost about max(map, train). Prints one JSON
 * line per round and the medians.
 *
 * <p>Training runs on one thread, so that the producer has a core of its own on a 2-core machine.
 *
 * <p>Arguments: {@code --rounds 5 --steps 200 --cost spin|sleep}: the map's cost is a busy wait
 * (CPU work, which overlaps only when a core is free) or a park (waiting on I/O).
 */
public final class PrefetchRunner {
  private PrefetchRunner() {}

  public static void main(String[] args) {
    int rounds = 5;
    int steps = 200;
    boolean sleep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        case "--cost" -> sleep = "sleep".equals(args[++i]);
        default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    // One training thread: the producer of the prefetch stage gets the other core.
    Backend.current().setThreads(1);
    Tensor x = RandomOps.uniform(new int[] {64 * 16, 256}, -1, 1, 1);
    Tensor y = RandomOps.uniform(new int[] {64 * 16, 10}, -1, 1, 2);
    Sequential model = model();
    // the bare step time: in-memory batches, no map
    long stepNanos = stepNanos(model, Dataset.of(x, y).batch(64).repeat(), steps);
    stepNanos = stepNanos(model, Dataset.of(x, y).batch(64).repeat(), steps);
    System.out.printf(Locale.ROOT, "{\"train_step_ms\":%.3f}%n", stepNanos / 1e6);
    long cost = stepNanos;
    boolean io = sleep;
    Function<StepData, StepData> slow =
        e -> {
          if (io) {
            LockSupport.parkNanos(cost); // waiting on I/O: no CPU needed
            return e;
          }
          long end = System.nanoTime() + cost;
          while (System.nanoTime() < end) {
            Thread.onSpinWait();
          }
          return e;
        };
    double[] without = new double[rounds];
    double[] with = new double[rounds];
    for (int r = -1; r < rounds; r++) { // round -1 warms up
      long a = stepNanos(model, Dataset.of(x, y).batch(64).repeat().map(slow), steps);
      long b = stepNanos(model, Dataset.of(x, y).batch(64).repeat().map(slow).prefetch(2), steps);
      if (r >= 0) {
        without[r] = a / 1e6;
        with[r] = b / 1e6;
        System.out.printf(
            Locale.ROOT,
            "{\"round\":%d,\"cost\":\"%s\",\"map_ms\":%.3f,\"step_ms_no_prefetch\":%.3f,\"step_ms_prefetch\":%.3f}%n",
            r,
            io ? "sleep" : "spin",
            cost / 1e6,
            without[r],
            with[r]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "{\"median_step_ms_no_prefetch\":%.3f,\"median_step_ms_prefetch\":%.3f,\"speedup\":%.2f}%n",
        median(without),
        median(with),
        median(without) / median(with));
  }

  private static Sequential model() {
    Keras.setRandomSeed(1);
    Sequential m =
        new Sequential(
            Input.of(256), new Dense(256, "relu"), new Dense(256, "relu"), new Dense(10));
    m.compile(new SGD(0.01), "mean_squared_error");
    return m;
  }

  /** Mean time of one fit step over {@code steps} steps. */
  private static long stepNanos(Sequential model, Dataset data, int steps) {
    long t0 = System.nanoTime();
    model.fit(data, new FitOptions().epochs(1).stepsPerEpoch(steps).verbose(0));
    return (System.nanoTime() - t0) / steps;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
