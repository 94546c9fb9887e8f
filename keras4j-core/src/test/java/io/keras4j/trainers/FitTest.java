package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fit / evaluate / trainOnBatch against numbers worked out from Keras's definitions. */
class FitTest {
  private static final FitOptions QUIET = new FitOptions().verbose(0);
  private static final EvaluateOptions EVAL_QUIET = new EvaluateOptions().verbose(0);

  /** A 2 -> 1 linear model with known weights. */
  private static Sequential linear(float w0, float w1, float b) {
    Sequential m = new Sequential(Input.of(2), new Dense(1).name("lin"));
    m.setWeights(List.of(Tensor.of(new float[] {w0, w1}, 2, 1), Tensor.of(b)));
    return m;
  }

  @Test
  void trainOnBatchTakesOneGradientStepOfMeanSquaredError() {
    Sequential m = linear(0.5f, -1f, 0.25f);
    m.compile(new SGD(0.1), "mean_squared_error");
    Tensor x = Tensor.of(new float[][] {{1, 2}, {3, -1}});
    Tensor y = Tensor.of(new float[][] {{1}, {0}});
    // predictions: 0.5 - 2 + 0.25 = -1.25 ; 1.5 + 1 + 0.25 = 2.75 ; errors e = -2.25, 2.75
    // loss = (5.0625 + 7.5625) / 2 = 6.3125; dL/dp = e (2/n = 1)
    // dW = x^T e = [1*-2.25 + 3*2.75, 2*-2.25 - 1*2.75] = [6.0, -7.25]; db = 0.5
    Map<String, Double> logs = m.trainOnBatch(x, y);
    assertEquals(6.3125, logs.get("loss"), 1e-5);
    List<Tensor> w = m.getWeights();
    assertArrayEquals(new float[] {0.5f - 0.6f, -1f + 0.725f}, w.get(0).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {0.25f - 0.05f}, w.get(1).toFloatArray(), 1e-6f);
  }

  @Test
  void regularizationPenaltiesAreAddedToTheLoss() {
    Sequential m =
        new Sequential(
            Input.of(2), new Dense(1).kernelRegularizer(Regularizers.l2(0.5)).name("lin"));
    m.setWeights(List.of(Tensor.of(new float[] {1, -2}, 2, 1), Tensor.of(0f)));
    m.compile(new SGD(0.0), "mean_squared_error");
    Tensor x = Tensor.of(new float[][] {{1, 1}});
    Tensor y = Tensor.of(new float[][] {{0}});
    // prediction -1, mse 1; penalty 0.5 * (1 + 4) = 2.5
    assertEquals(3.5, m.evaluate(x, y, EVAL_QUIET).get("loss"), 1e-6);
    assertEquals(3.5, m.trainOnBatch(x, y).get("loss"), 1e-6);
  }

  @Test
  void fitLearnsALinearFunctionAndRecordsHistory() {
    Keras.setRandomSeed(7);
    Tensor x = RandomOps.uniform(new int[] {256, 2}, -1, 1, 11);
    float[] xs = x.toFloatArray();
    float[] ys = new float[256];
    for (int i = 0; i < 256; i++) {
      ys[i] = 2 * xs[2 * i] - 3 * xs[2 * i + 1] + 0.5f;
    }
    Tensor y = Tensor.of(ys, 256, 1);
    Sequential m = new Sequential(Input.of(2), new Dense(1));
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse").metrics("mae"));
    History h =
        m.fit(x, y, new FitOptions().epochs(30).batchSize(16).verbose(0).validationSplit(0.25));
    List<Double> loss = h.get("loss");
    assertEquals(30, loss.size());
    assertEquals(30, h.get("val_loss").size());
    assertEquals(30, h.get("mae").size());
    assertEquals(30, h.get("val_mae").size());
    assertTrue(
        loss.get(29) < 1e-3 * loss.get(0), "loss fell from " + loss.get(0) + " to " + loss.get(29));
    float[] w = m.getWeights().get(0).toFloatArray();
    assertEquals(2, w[0], 0.02);
    assertEquals(-3, w[1], 0.02);
    assertEquals(0.5, m.getWeights().get(1).item(), 0.02);
  }

  @Test
  void validationSplitHoldsOutTheLastSamplesBeforeShuffling() {
    Sequential m = linear(1, 1, 0);
    m.compile(new SGD(0.0), "mean_absolute_error"); // rate 0: weights never move
    float[] xs = new float[20];
    float[] ys = new float[10];
    for (int i = 0; i < 10; i++) {
      xs[2 * i] = i;
      ys[i] = 0;
    }
    Tensor x = Tensor.of(xs, 10, 2);
    Tensor y = Tensor.of(ys, 10, 1);
    // prediction = x0 = i; the last 30% are samples 7, 8, 9: val MAE = 8; train MAE = mean(0..6) =
    // 3
    History h = m.fit(x, y, new FitOptions().validationSplit(0.3).verbose(0));
    assertEquals(8.0, h.get("val_loss").get(0), 1e-6);
    assertEquals(3.0, h.get("loss").get(0), 1e-6);
  }

  @Test
  void sameSeedSameTrainingDifferentSeedDifferentShuffles() {
    double a = trainWithSeed(42);
    double b = trainWithSeed(42);
    double c = trainWithSeed(43);
    assertEquals(a, b, 0.0);
    assertNotEquals(a, c);
  }

  private static double trainWithSeed(long seed) {
    Keras.setRandomSeed(seed);
    Tensor x = RandomOps.uniform(new int[] {64, 4}, -1, 1, 5);
    Tensor y = RandomOps.uniform(new int[] {64, 1}, -1, 1, 6);
    Sequential m =
        new Sequential(Input.of(4), new Dense(8, "tanh"), new Dropout(0.3), new Dense(1));
    m.compile(new SGD(0.05), "mse");
    History h = m.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
    return h.get("loss").get(2);
  }

  @Test
  void classWeightsActAsSampleWeights() {
    Tensor x = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {2, 1}});
    Tensor y = Tensor.ofInts(new int[] {0, 1, 1, 0}, 4);
    Tensor sw = Tensor.of(new float[] {2f, 0.5f, 0.5f, 2f}, 4);
    Model a = classifier();
    Model b = classifier();
    b.setWeights(a.getWeights());
    FitOptions common = new FitOptions().batchSize(4).epochs(2).verbose(0).shuffle(false);
    a.fit(x, y, common.classWeight(Map.of(0, 2.0, 1, 0.5)));
    b.fit(x, y, new FitOptions().batchSize(4).epochs(2).verbose(0).shuffle(false).sampleWeight(sw));
    assertArrayEquals(
        a.getWeights().get(0).toFloatArray(), b.getWeights().get(0).toFloatArray(), 1e-6f);
  }

  private static Model classifier() {
    Keras.setRandomSeed(3);
    Sequential m = new Sequential(Input.of(2), new Dense(2, "softmax"));
    m.compile(new SGD(0.5), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  @Test
  void accuracyResolvesFromTheLossAndShapes() {
    Model m = classifier();
    Tensor x = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
    Tensor y = Tensor.ofInts(new int[] {0, 1, 1}, 3);
    Tensor p = m.predict(x, Quiet.predict());
    float[] pv = p.toFloatArray();
    int right = 0;
    for (int i = 0; i < 3; i++) {
      int arg = pv[2 * i + 1] > pv[2 * i] ? 1 : 0;
      right += arg == y.toIntArray()[i] ? 1 : 0;
    }
    Map<String, Double> scores = m.evaluate(x, y, EVAL_QUIET);
    assertEquals(List.of("accuracy", "loss"), List.copyOf(scores.keySet()));
    assertEquals(right / 3.0, scores.get("accuracy"), 1e-6);
  }

  @Test
  void multiOutputLossesAreWeightedAndNamedByOutput() {
    KerasTensor in = Input.of(2);
    KerasTensor o1 = new Dense(1).name("output_1").apply(in);
    KerasTensor o2 = new Dense(1).name("output_2").apply(in);
    Model multi = new Model(List.of(in), List.of(o1, o2));
    multi.setWeights(
        List.of(
            Tensor.of(new float[] {1, 0}, 2, 1),
            Tensor.of(0f),
            Tensor.of(new float[] {0, 1}, 2, 1),
            Tensor.of(0f)));
    multi.compile(
        new CompileOptions()
            .optimizer(new SGD(0))
            .loss("mse", "mae")
            .lossWeights(0.9, 0.1)
            .metrics("mae"));
    Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}});
    Tensor y1 = Tensor.of(new float[][] {{0}, {0}});
    Tensor y2 = Tensor.of(new float[][] {{1}, {1}});
    // output_1 = x0: mse = (1 + 9) / 2 = 5; output_2 = x1: mae = (1 + 3) / 2 = 2
    Map<String, Double> s = multi.evaluate(List.of(x), List.of(y1, y2), EVAL_QUIET);
    assertEquals(
        List.of("loss", "output_1_loss", "output_1_mae", "output_2_loss", "output_2_mae"),
        List.copyOf(s.keySet()));
    assertEquals(5.0, s.get("output_1_loss"), 1e-6);
    assertEquals(2.0, s.get("output_2_loss"), 1e-6);
    assertEquals(0.9 * 5 + 0.1 * 2, s.get("loss"), 1e-5);
    assertEquals(2.0, s.get("output_1_mae"), 1e-6);
    assertEquals(2.0, s.get("output_2_mae"), 1e-6);
  }

  @Test
  void lossesByOutputNameAndInitialEpochStepsAndValidationFrequency() {
    KerasTensor in = Input.of(2);
    KerasTensor o1 = new Dense(1).name("a").apply(in);
    KerasTensor o2 = new Dense(1).name("b").apply(in);
    Model multi = new Model(List.of(in), List.of(o1, o2));
    multi.compile(
        new CompileOptions()
            .optimizer("sgd")
            .loss(Map.of("a", "mse", "b", "mae"))
            .lossWeights(Map.of("a", 1.0, "b", 0.0)));
    Tensor x = RandomOps.uniform(new int[] {40, 2}, -1, 1, 1);
    Tensor y = RandomOps.uniform(new int[] {40, 1}, -1, 1, 2);
    int[] batches = new int[1];
    Callback counter =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            batches[0]++;
          }
        };
    History h =
        multi.fit(
            List.of(x),
            List.of(y, y),
            new FitOptions()
                .epochs(5)
                .initialEpoch(2)
                .stepsPerEpoch(3)
                .batchSize(8)
                .validationData(List.of(x), List.of(y, y))
                .validationFreq(2)
                .callbacks(counter)
                .verbose(0));
    assertEquals(9, batches[0]); // epochs 2, 3, 4 of 3 steps each
    assertEquals(3, h.get("loss").size());
    assertEquals(1, h.get("val_loss").size()); // only after epoch index 3 ((3 + 1) % 2 == 0)
    assertTrue(h.history().containsKey("b_loss"));
  }

  @Test
  void aCallbackCanStopTraining() {
    Sequential m = linear(1, 1, 0);
    m.compile("sgd", "mse");
    Tensor x = RandomOps.uniform(new int[] {32, 2}, -1, 1, 1);
    Tensor y = RandomOps.uniform(new int[] {32, 1}, -1, 1, 2);
    Callback stopper =
        new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            if (epoch == 1) {
              model().stopTraining(true);
            }
          }
        };
    History h = m.fit(x, y, new FitOptions().epochs(10).callbacks(stopper).verbose(0));
    assertEquals(2, h.get("loss").size());
  }

  @Test
  void dropoutIsActiveOnlyInTraining() {
    Keras.setRandomSeed(1);
    Sequential m = new Sequential(Input.of(50), new Dropout(0.5), new Dense(1).useBias(false));
    m.build(-1, 50);
    m.setWeights(List.of(Tensor.ones(50, 1)));
    m.compile(new SGD(0), "mae");
    Tensor x = Tensor.ones(4, 50);
    Tensor y = Tensor.zeros(4, 1);
    // Inference: every unit passes, the sum is exactly 50.
    assertEquals(50.0, m.evaluate(x, y, EVAL_QUIET).get("loss"), 1e-5);
    assertArrayEquals(
        new float[] {50, 50, 50, 50}, m.predict(x, Quiet.predict()).toFloatArray(), 1e-5f);
    // Training: kept units are scaled by 2, so the sum is an even number, and not all 50 kept.
    double trainLoss = m.trainOnBatch(x, y).get("loss");
    assertNotEquals(50.0, trainLoss, 1e-3);
  }

  @Test
  void outputMasksReachTheLossAndTheMetrics() {
    // Embedding(mask_zero) -> Dense(1): outputs per time step; padded steps (id 0) do not count.
    Sequential m =
        new Sequential(
            Input.of(io.keras4j.DType.INT32, 3),
            new io.keras4j.layers.Embedding(5, 1).maskZero(true),
            new Dense(1).useBias(false));
    m.setWeights(
        List.of(
            Tensor.of(new float[] {0, 0.5f, 1, 1.5f, 2}, 5, 1), Tensor.of(new float[] {1}, 1, 1)));
    m.compile(new CompileOptions().optimizer(new SGD(0)).loss("mse").metrics("mae"));
    Tensor ids = Tensor.ofInts(new int[][] {{1, 2, 0}, {3, 0, 0}});
    Tensor y = Tensor.zeros(2, 3, 1);
    Map<String, Double> s = m.evaluate(ids, y, EVAL_QUIET);
    // valid steps give 0.5, 1 and 1.5: mse (0.25 + 1 + 2.25) / 3, mae (0.5 + 1 + 1.5) / 3
    assertEquals(3.5 / 3, s.get("loss"), 1e-6);
    assertEquals(1.0, s.get("mae"), 1e-6);
  }

  @Test
  void aBatchedDatasetStandsInForXAndY() {
    Tensor x = RandomOps.uniform(new int[] {20, 2}, -1, 1, 8);
    Tensor y = RandomOps.uniform(new int[] {20, 1}, -1, 1, 9);
    Sequential a = linear(0.5f, 0.5f, 0);
    Sequential b = linear(0.5f, 0.5f, 0);
    a.compile(new SGD(0.1), "mse");
    b.compile(new SGD(0.1), "mse");
    int[] batches = new int[1];
    Callback counter =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            batches[0]++;
          }
        };
    // The Dataset's batch size (8) applies: 3 batches of 8, 8 and 4.
    a.fit(
        io.keras4j.data.Dataset.of(x, y).batch(8),
        new FitOptions().shuffle(false).verbose(0).callbacks(counter));
    assertEquals(3, batches[0]);
    b.fit(x, y, new FitOptions().batchSize(8).shuffle(false).verbose(0));
    assertArrayEquals(
        b.getWeights().get(0).toFloatArray(), a.getWeights().get(0).toFloatArray(), 0f);
    Map<String, Double> fromDataset = a.evaluate(io.keras4j.data.Dataset.of(x, y), EVAL_QUIET);
    assertEquals(b.evaluate(x, y, EVAL_QUIET).get("loss"), fromDataset.get("loss"), 1e-7);
  }
}
