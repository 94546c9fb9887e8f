package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Conv1D;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Conv2DTranspose;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.SeparableConv2D;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolution layers inside models: a small CNN learns where a bright spot is (the training loop's
 * pooled steps reuse the patch buffers), summary shapes and counts, and a JSON round trip.
 */
class ConvModelTest {

  /** 6x6 images with one bright pixel; the label says whether it is in the left half. */
  private static Tensor[] spots(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 36];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 36; j++) {
        x[i * 36 + j] = (float) (0.1 * r.nextGaussian());
      }
      int row = r.nextInt(6);
      int col = r.nextInt(6);
      x[i * 36 + row * 6 + col] += 1f;
      y[i] = col < 3 ? 1 : 0;
    }
    return new Tensor[] {Tensor.of(x, n, 6, 6, 1), Tensor.ofInts(y, n)};
  }

  @Test
  void aSmallCnnLearns() {
    Keras.setRandomSeed(7);
    Sequential m =
        new Sequential(
            Input.of(6, 6, 1),
            new Conv2D(4, 3).padding("same").activation("relu"),
            new SeparableConv2D(4, 3).strides(2).padding("same").activation("relu"),
            new Flatten(),
            new Dense(2, "softmax"));
    m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    Tensor[] train = spots(128, 1);
    History h = m.fit(train[0], train[1], Quiet.fit().epochs(40).batchSize(16));
    List<Double> loss = h.get("loss");
    assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "loss " + loss);
    Tensor[] test = spots(64, 2);
    double acc = m.evaluate(test[0], test[1], Quiet.evaluate()).get("accuracy");
    assertTrue(acc >= 0.9, "test accuracy " + acc);
  }

  @Test
  void summaryShapesAndJsonRoundTrip() {
    Sequential m =
        new Sequential(
            Input.of(-1, 3),
            new Conv1D(8, 3).padding("causal").dilationRate(2),
            new Conv1D(4, 2).strides(2));
    assertArrayEquals(new int[] {-1, -1, 4}, m.outputs().get(0).shape());
    assertEquals(3 * 3 * 8 + 8 + 2 * 8 * 4 + 4, m.countParams());
    Sequential t =
        new Sequential(Input.of(4, 4, 2), new Conv2DTranspose(3, 3).strides(2).padding("same"));
    assertArrayEquals(new int[] {-1, 8, 8, 3}, t.outputs().get(0).shape());
    String summary = t.summary(0);
    assertTrue(summary.contains("(None, 8, 8, 3)"), summary);
    assertTrue(summary.contains("57"), summary); // 3*3*3*2 + 3
    Model back = Models.modelFromJson(t.toJson());
    assertEquals(t.toJson(), back.toJson());
    back.setWeights(t.getWeights());
    Tensor x = Tensor.ones(1, 4, 4, 2);
    assertArrayEquals(
        t.predict(x, Quiet.predict()).toFloatArray(),
        back.predict(x, Quiet.predict()).toFloatArray(),
        0f);
  }
}
