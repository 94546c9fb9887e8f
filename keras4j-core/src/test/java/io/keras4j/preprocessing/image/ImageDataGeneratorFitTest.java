package io.keras4j.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import io.keras4j.testing.Quiet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A small CNN trained end to end on ImageDataGenerator.flow, augmentation on its own thread. */
class ImageDataGeneratorFitTest {
  /**
   * 8x8 grey images: class 1 has a bright band in the top half, class 0 in the bottom half, on
   * noise. Horizontal flips and small shifts and rotations keep the class.
   */
  private static Tensor[] bands(int n, long seed) {
    float[] noise = RandomOps.uniform(new int[] {n, 8, 8, 1}, 0, 60, seed).toFloatArray();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      int row0 = labels[i] == 1 ? 1 : 5;
      for (int r = row0; r < row0 + 2; r++) {
        for (int c = 1; c < 7; c++) {
          noise[i * 64 + r * 8 + c] += 190;
        }
      }
    }
    return new Tensor[] {Tensor.of(noise, n, 8, 8, 1), Tensor.ofInts(labels, n)};
  }

  @Test
  void aSmallCnnLearnsFromAugmentedBatches() {
    Keras.setRandomSeed(12);
    Tensor[] train = bands(160, 1);
    Tensor[] test = bands(60, 2);
    ImageDataGenerator gen =
        new ImageDataGenerator()
            .rotationRange(10)
            .widthShiftRange(0.1)
            .heightShiftRange(0.1)
            .horizontalFlip(true)
            .rescale(1 / 255f);
    Set<Thread> producers = ConcurrentHashMap.newKeySet();
    NumpyArrayIterator flow = gen.flow(train[0], train[1], 16, true, 7);
    io.keras4j.utils.Sequence recorded =
        new io.keras4j.utils.Sequence() {
          @Override
          public int length() {
            return flow.length();
          }

          @Override
          public StepData get(int index) {
            producers.add(Thread.currentThread());
            return flow.get(index);
          }

          @Override
          public void onEpochEnd() {
            flow.onEpochEnd();
          }
        };
    Sequential model =
        new Sequential(
            Input.of(8, 8, 1),
            new Conv2D(8, 3).activation("relu"),
            new MaxPooling2D(),
            new Flatten(),
            new Dense(2, "softmax"));
    model.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    History h = model.fit(recorded, Quiet.fit().epochs(8));
    assertEquals(8, h.history().get("loss").size());
    assertTrue(
        h.history().get("loss").get(7) < h.history().get("loss").get(0), h.history().toString());
    double accuracy =
        model.evaluate(gen.standardize(test[0]), test[1], Quiet.evaluate()).get("accuracy");
    assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    assertFalse(producers.contains(Thread.currentThread()));
    for (Thread t : producers) {
      assertFalse(t.isAlive());
    }
  }
}
