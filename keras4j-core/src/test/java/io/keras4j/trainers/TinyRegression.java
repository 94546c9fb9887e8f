package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.List;

/**
 * The small seeded regression model with which the fit tests compare one source of data with
 * another (tensors, a Dataset, a Sequence, a cache), and their bit-for-bit weight check.
 */
final class TinyRegression {
  private TinyRegression() {}

  /** 3 -> Dense(4, tanh) -> Dense(1), SGD(0.1), mean squared error, seed 3. */
  static Sequential model() {
    Keras.setRandomSeed(3);
    Sequential m = new Sequential(Input.of(3), new Dense(4, "tanh"), new Dense(1));
    m.compile(new SGD(0.1), "mean_squared_error");
    return m;
  }

  static void assertSameWeights(Model a, Model b) {
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray(), 0f, "weight " + i);
    }
  }
}
