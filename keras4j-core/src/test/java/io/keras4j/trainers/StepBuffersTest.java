package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fit recycles the arrays of each step (io.keras4j.backend.pool.Buffers); trainOnBatch does not.
 * Both must give the same weights and losses on the same batches, step after step. The comparison
 * of a pooled fit with an unpooled one (Dropout, validation, History) is
 * io.keras4j.backend.PooledFitTest; a tensor kept past its step is
 * io.keras4j.backend.KeptOutputTest.
 */
class StepBuffersTest {
  private static Sequential model() {
    Keras.setRandomSeed(9);
    Sequential m =
        new Sequential(
            Input.of(6), new Dense(16, "relu"), new Dense(16, "tanh"), new Dense(3, "softmax"));
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  @Test
  void recycledStepsGiveTheSameNumbersAsFreshOnes() {
    Tensor x = RandomOps.uniform(new int[] {40, 6}, -1, 1, 3);
    Tensor y = RandomOps.uniform(new int[] {40}, 0, 3, 4).asInt();
    Sequential pooled = model();
    Sequential fresh = model();
    fresh.setWeights(pooled.getWeights());
    var h = pooled.fit(x, y, new FitOptions().batchSize(8).shuffle(false).epochs(3).verbose(0));
    double last = 0;
    for (int epoch = 0; epoch < 3; epoch++) {
      double sum = 0;
      for (int b = 0; b < 5; b++) {
        Tensor xb = io.keras4j.ops.Ops.slice(x, new int[] {8 * b, 0}, new int[] {8, 6});
        Tensor yb = io.keras4j.ops.Ops.slice(y, new int[] {8 * b}, new int[] {8});
        sum += fresh.trainOnBatch(List.of(xb), List.of(yb), null).get("loss");
      }
      last = sum / 5;
      assertEquals(last, h.get("loss").get(epoch), 1e-6, "epoch " + epoch);
    }
    List<Tensor> a = pooled.getWeights();
    List<Tensor> b = fresh.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(b.get(i).toFloatArray(), a.get(i).toFloatArray(), 0f, "weight " + i);
    }
  }

  /**
   * Determinism, not the pool's correctness: two pooled runs from the same seed give the same
   * losses (the pool must not disturb Dropout's random stream from one run to the next).
   */
  @Test
  void twoPooledDropoutRunsFromOneSeedGiveTheSameLosses() {
    Tensor x = RandomOps.uniform(new int[] {32, 6}, -1, 1, 5);
    Tensor y = RandomOps.uniform(new int[] {32}, 0, 3, 6).asInt();
    List<List<Double>> losses = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Keras.setRandomSeed(21);
      Sequential m =
          new Sequential(Input.of(6), new Dense(16, "relu"), new Dropout(0.25), new Dense(3));
      m.compile(new Adam(0.01), "mse");
      Tensor target = io.keras4j.ops.Ops.oneHot(y, 3);
      losses.add(m.fit(x, target, new FitOptions().batchSize(4).epochs(4).verbose(0)).get("loss"));
    }
    assertEquals(4, losses.get(0).size());
    assertEquals(losses.get(0), losses.get(1));
  }
}
