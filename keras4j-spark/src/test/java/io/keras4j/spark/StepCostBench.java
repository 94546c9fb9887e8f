package io.keras4j.spark;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.models.StepGradients;
import io.keras4j.optimizers.RMSprop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: the figures of docs/benchmarks.md, "Spark". Two ranks on loopback (threads of one
 * JVM, each with its own model and socket ring): per step, the time of the local forward and
 * backward pass on half of a global batch of 32 ({@code computeGradients}) and the time of the ring
 * all-reduce of the gradients; 5 rounds of 30 steps (after 40 warm-up steps; the ranks meet before
 * the timed all-reduce), medians of the rounds' means. Run: {@code java -cp <test class path>
 * io.keras4j.spark.StepCostBench}.
 */
public final class StepCostBench {
  private StepCostBench() {}

  public static void main(String[] args) throws Exception {
    measure("MNIST MLP 784-64-64-10", new int[] {784, 64, 64, 10});
    measure("MLP 784-2500-1200-10", new int[] {784, 2500, 1200, 10});
  }

  static Model mlp(int[] units) {
    Keras.setRandomSeed(1);
    Sequential m = new Sequential();
    m.add(new Dense(units[1], "relu").inputShape(units[0]));
    for (int i = 2; i < units.length - 1; i++) {
      m.add(new Dense(units[i], "relu"));
    }
    m.add(new Dense(units[units.length - 1], "softmax"));
    m.compile(new RMSprop(), "sparse_categorical_crossentropy");
    return m;
  }

  static void measure(String name, int[] units) throws Exception {
    int ranks = 2;
    int local = 16;
    ExecutorService pool = Executors.newFixedThreadPool(ranks);
    RingAllReduce[] rings = new RingAllReduce[ranks];
    String[] addresses = new String[ranks];
    for (int r = 0; r < ranks; r++) {
      rings[r] = new RingAllReduce(r, ranks, "127.0.0.1", 1 << 20, 60_000);
      addresses[r] = rings[r].address();
    }
    List<Future<double[][]>> futures = new ArrayList<>();
    for (int r = 0; r < ranks; r++) {
      int rank = r;
      Callable<double[][]> job =
          () -> {
            rings[rank].connect(addresses);
            Model m = mlp(units);
            Random rnd = new Random(rank);
            float[] x = new float[local * units[0]];
            float[] y = new float[local];
            for (int i = 0; i < x.length; i++) {
              x[i] = rnd.nextFloat();
            }
            for (int i = 0; i < local; i++) {
              y[i] = rnd.nextInt(units[units.length - 1]);
            }
            StepData d =
                new StepData(
                    List.of(Tensor.of(x, local, units[0])), List.of(Tensor.of(y, local)), null);
            int params = 0;
            for (var v : m.trainableWeights()) {
              params += v.value().size();
            }
            float[] buf = new float[params];
            float[] sync = new float[ranks];
            double[][] rounds = new double[5][3];
            for (int round = -1; round < 5; round++) {
              int steps = round < 0 ? 40 : 30;
              long compute = 0;
              long reduce = 0;
              for (int s = 0; s < steps; s++) {
                long t0 = System.nanoTime();
                StepGradients g = m.computeGradients(d);
                int off = 0;
                for (Tensor t : g.gradients()) {
                  float[] v = t.toFloatArray();
                  System.arraycopy(v, 0, buf, off, v.length);
                  off += v.length;
                }
                // Meet first (a one-float all-reduce), so that the timed all-reduce does not
                // include waiting for the other rank's slower compute.
                rings[rank].allReduce(sync);
                long t1 = System.nanoTime();
                rings[rank].allReduce(buf);
                long t2 = System.nanoTime();
                compute += t1 - t0;
                reduce += t2 - t1;
              }
              if (round >= 0) {
                rounds[round] = new double[] {compute / 1e6 / steps, reduce / 1e6 / steps, params};
              }
            }
            return rounds;
          };
      futures.add(pool.submit(job));
    }
    double[][] r0 = futures.get(0).get();
    futures.get(1).get();
    pool.shutdown();
    for (RingAllReduce ring : rings) {
      ring.close();
    }
    double[] compute = new double[5];
    double[] reduce = new double[5];
    for (int i = 0; i < 5; i++) {
      compute[i] = r0[i][0];
      reduce[i] = r0[i][1];
    }
    System.out.printf(
        "%s: %,d parameters (%.1f MB of gradients); rank 0 per step, medians of 5 rounds:"
            + " compute %.2f ms, all-reduce %.2f ms; rounds compute %s, all-reduce %s%n",
        name,
        (long) r0[0][2],
        r0[0][2] * 4 / 1e6,
        median(compute),
        median(reduce),
        fmt(compute),
        fmt(reduce));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static String fmt(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (double d : v) {
      b.append(b.length() > 1 ? " " : "").append(String.format("%.2f", d));
    }
    return b.append("]").toString();
  }
}
