package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The seed CNN of the API contract, for 480x680x3 images: three Conv2D (3x3, same, relu) and
 * MaxPooling2D blocks, a (None, 326400) Flatten, Dense(512, relu) and Dense(1); 167,141,409
 * parameters (637.6 MB of float32 weights). Prints its summary, what building it allocated, and
 * runs training steps (Adam, binary cross-entropy from logits) on a batch of two synthetic images.
 *
 * <p>Memory: the weights, their gradients and Adam's two slots are four times 637.6 MB, so a step
 * needs a heap of 3 GB: run it with {@code -Xmx3g} (the JVM's default heap is a quarter of the
 * machine's memory, enough from 12 GB of RAM).
 */
public final class SeedCnn {
  private SeedCnn() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Keras.setRandomSeed(42);
    long allocatedBefore = allocatedBytes();
    var cnn =
        new Sequential(
            new Conv2D(16, 3).padding("same").activation("relu").inputShape(480, 680, 3),
            new MaxPooling2D(),
            new Conv2D(32, 3).padding("same").activation("relu"),
            new MaxPooling2D(),
            new Conv2D(64, 3).padding("same").activation("relu"),
            new MaxPooling2D(),
            new Flatten(),
            new Dense(512, "relu"),
            new Dense(1));
    cnn.summary();
    long allocated = allocatedBytes() - allocatedBefore;
    System.out.printf(
        "Building and summarizing allocated %.1f MB for %.1f MB of weights%n",
        allocated / 1048576.0, cnn.countParams() * 4 / 1048576.0);

    cnn.compile(new Adam(1e-4), new BinaryCrossentropy().fromLogits(true));
    Tensor x = syntheticImages(2);
    Tensor y = Tensor.of(new float[] {0, 1}, 2, 1);
    for (int step = 1; step <= steps; step++) {
      long start = System.nanoTime();
      Map<String, Double> logs = cnn.trainOnBatch(x, y);
      System.out.printf(
          "step %d on a batch of 2 images: loss %.4f, %.2f s%n",
          step, logs.get("loss"), (System.nanoTime() - start) / 1e9);
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf("Heap limit %.1f GB%n", maxHeap / 1e9);
  }

  /** Two 480x680 RGB images with pixel values in [0, 1]: a smooth pattern, one per label. */
  private static Tensor syntheticImages(int n) {
    float[] pixels = new float[n * 480 * 680 * 3];
    int i = 0;
    for (int img = 0; img < n; img++) {
      for (int row = 0; row < 480; row++) {
        for (int col = 0; col < 680; col++) {
          for (int c = 0; c < 3; c++) {
            double wave = Math.sin((img + 1) * (row * 0.02 + col * 0.013) + c);
            pixels[i++] = (float) (0.5 + 0.5 * wave);
          }
        }
      }
    }
    return Tensor.of(pixels, n, 480, 680, 3);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
