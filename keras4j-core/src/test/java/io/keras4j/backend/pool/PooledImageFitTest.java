package io.keras4j.backend.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.Cropping2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.GlobalMaxPooling1D;
import io.keras4j.layers.MaxPooling1D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.Reshape;
import io.keras4j.layers.SpatialDropout2D;
import io.keras4j.layers.UpSampling2D;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model of pooling and spatial shape layers trains with {@code fit}: per-pixel Dense layers
 * before the poolings so that their gradients reach weights, every backward of the family runs (max
 * and average pooling in both paddings, padding, cropping, bilinear upsampling, spatial dropout),
 * the loss goes down, and the step buffer pool changes no number (bit for bit against a run without
 * it).
 */
class PooledImageFitTest {

  private static Sequential model() {
    return new Sequential(
        Input.of(8, 8, 2),
        new Dense(6, "relu"),
        new ZeroPadding2D(1),
        new MaxPooling2D(),
        new SpatialDropout2D(0.2),
        new Dense(6, "tanh"),
        new AveragePooling2D(3).strides(2).padding("same"),
        new UpSampling2D(2).interpolation("bilinear"),
        new Cropping2D(1),
        new Reshape(8, 12),
        new MaxPooling1D(2).padding("same"),
        new GlobalMaxPooling1D(),
        new Dense(3, "softmax"));
  }

  private static History train(boolean pooled, List<Tensor> weightsOut) {
    boolean before = Buffers.enabled();
    Buffers.setEnabled(pooled);
    try {
      Keras.setRandomSeed(5);
      Sequential m = model();
      m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
      Tensor x = RandomOps.uniform(new int[] {48, 8, 8, 2}, -1, 1, 7);
      Tensor y = RandomOps.uniform(new int[] {48}, 0, 3, 8).asInt();
      History h = m.fit(x, y, new FitOptions().batchSize(8).epochs(4).verbose(0));
      weightsOut.addAll(m.getWeights());
      return h;
    } finally {
      Buffers.setEnabled(before);
    }
  }

  @Test
  void trainsAndThePoolChangesNoNumber() {
    List<Tensor> pooledWeights = new java.util.ArrayList<>();
    List<Tensor> freshWeights = new java.util.ArrayList<>();
    History pooled = train(true, pooledWeights);
    History fresh = train(false, freshWeights);
    assertEquals(freshWeights.size(), pooledWeights.size());
    for (int i = 0; i < freshWeights.size(); i++) {
      assertArrayEquals(
          freshWeights.get(i).toFloatArray(),
          pooledWeights.get(i).toFloatArray(),
          0f,
          "weight " + i);
    }
    assertEquals(fresh.history(), pooled.history());
    List<Double> loss = fresh.get("loss");
    assertTrue(loss.get(3) < loss.get(0), loss.toString());
    // The GlobalAveragePooling2D variant of the head gives a finite loss too.
    Sequential g =
        new Sequential(Input.of(4, 4, 3), new Dense(2), new GlobalAveragePooling2D(), new Dense(1));
    g.compile("sgd", "mse");
    History hg =
        g.fit(
            RandomOps.uniform(new int[] {8, 4, 4, 3}, -1, 1, 9),
            RandomOps.uniform(new int[] {8, 1}, -1, 1, 10),
            new FitOptions().epochs(1).verbose(0));
    assertTrue(Double.isFinite(hg.get("loss").get(0)));
  }
}
