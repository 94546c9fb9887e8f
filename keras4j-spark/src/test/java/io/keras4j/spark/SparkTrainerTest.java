package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SparkTrainer on {@code local[2,4]} (two task slots, up to 4 attempts so that a failed barrier
 * stage restarts): the same weights as single-machine training, bit-identical reruns, a lost task
 * and a hung peer both ending in the result of a run without faults.
 */
class SparkTrainerTest {
  static final int N = 203; // 203 samples, global batch 32: uneven shares, a short last batch
  static final int FEATURES = 6;
  static final int CLASSES = 3;
  static JavaSparkContext sc;
  static final float[] x = new float[N * FEATURES];
  static final float[] y = new float[N];

  static {
    // Three classes by a linear score of six Gaussian features.
    Random r = new Random(7);
    for (int i = 0; i < N; i++) {
      float s = 0;
      for (int j = 0; j < FEATURES; j++) {
        x[i * FEATURES + j] = (float) r.nextGaussian();
        s += x[i * FEATURES + j] * (j % 2 == 0 ? 1 : -0.5f);
      }
      y[i] = s < -0.5f ? 0 : s < 0.7f ? 1 : 2;
    }
  }

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(SparkTests.conf("local[2,4]", "SparkTrainerTest"));
    sc.setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  static Model model() {
    Keras.setRandomSeed(11);
    Sequential m =
        new Sequential(
            new Dense(16, "relu").inputShape(FEATURES),
            new Dense(8, "tanh"),
            new Dense(CLASSES, "softmax"));
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  static JavaRDD<Sample> samples() {
    List<Sample> list = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      float[] f = new float[FEATURES];
      System.arraycopy(x, i * FEATURES, f, 0, FEATURES);
      list.add(Sample.of(f, y[i]));
    }
    return sc.parallelize(list, 3); // three input partitions for two workers
  }

  static float[] flatWeights(Model m) {
    List<float[]> parts = new ArrayList<>();
    int n = 0;
    for (Tensor t : m.getWeights()) {
      float[] v = t.toFloatArray();
      parts.add(v);
      n += v.length;
    }
    float[] all = new float[n];
    int off = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, all, off, p.length);
      off += p.length;
    }
    return all;
  }

  static FitOptions options(boolean shuffle) {
    return new FitOptions().epochs(3).batchSize(32).shuffle(shuffle).verbose(0);
  }

  @Test
  void twoWorkersEndWithTheWeightsOfSingleMachineTraining() {
    Model single = model();
    History h1 = single.fit(Tensor.of(x, N, FEATURES), Tensor.of(y, N), options(false));
    Model spark = model();
    History h2 = new SparkTrainer(spark).numWorkers(2).fit(samples(), options(false));

    float[] a = flatWeights(single);
    float[] b = flatWeights(spark);
    assertEquals(a.length, b.length);
    double maxDiff = 0;
    for (int i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    }
    assertTrue(maxDiff < 2e-5, "max |single - spark| weight difference " + maxDiff);
    assertEquals(3, h2.get("loss").size());
    for (int e = 0; e < 3; e++) {
      assertEquals(h1.get("loss").get(e), h2.get("loss").get(e), 1e-5, "loss of epoch " + e);
      assertEquals(
          h1.get("accuracy").get(e), h2.get("accuracy").get(e), 1e-6, "accuracy of epoch " + e);
    }
    // The driver's model also holds the optimizer state: 3 epochs of 7 steps.
    assertEquals(21, spark.optimizer().iterations());
  }

  @Test
  void twoRunsOnTwoWorkersAgreeBitForBit() {
    Model m1 = model();
    new SparkTrainer(m1).numWorkers(2).seed(5).fit(samples(), options(true));
    Model m2 = model();
    new SparkTrainer(m2).numWorkers(2).seed(5).fit(samples(), options(true));
    assertArrayEquals(flatWeights(m1), flatWeights(m2));
  }

  @Test
  void aLostTaskRestartsTheStageFromTheLastEpochAndEndsWithTheSameWeights() {
    Model clean = model();
    History hc = new SparkTrainer(clean).numWorkers(2).seed(5).fit(samples(), options(true));
    Model faulty = model();
    History hf =
        new SparkTrainer(faulty)
            .numWorkers(2)
            .seed(5)
            .fault(new Fault(0, 1, 1, 3, Fault.Kind.THROW))
            .fit(samples(), options(true));
    assertArrayEquals(flatWeights(clean), flatWeights(faulty));
    assertEquals(hc.get("loss"), hf.get("loss"));
  }

  @Test
  void aHungPeerFailsTheStageWithinTheTimeoutAndTheRestartFinishes() {
    Model clean = model();
    new SparkTrainer(clean).numWorkers(2).seed(5).fit(samples(), options(true));
    Model hung = model();
    long t0 = System.nanoTime();
    new SparkTrainer(hung)
        .numWorkers(2)
        .seed(5)
        .allReduceTimeout(Duration.ofSeconds(2))
        .fault(new Fault(0, 1, 0, 4, Fault.Kind.HANG))
        .fit(samples(), options(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertArrayEquals(flatWeights(clean), flatWeights(hung));
    // 2 s of timeout, the restart and the training itself (on a loaded machine): not a hang.
    assertTrue(seconds < 120, "fit with a hung peer took " + seconds + " s (a hang never ends)");
  }
}
