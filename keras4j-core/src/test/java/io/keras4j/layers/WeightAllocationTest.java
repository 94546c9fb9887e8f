package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.initializers.Initializer;
import io.keras4j.models.Sequential;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a weight allocates it once: the variable adopts the tensor a library initializer just
 * made (the seed CNN's 167M-parameter kernel would otherwise cost 1.3 GB to build), while a user's
 * initializer, which may keep the tensor it returns, still gets a copy.
 */
class WeightAllocationTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void buildingAllocatesTheKernelOnce() {
    int in = 4096;
    int units = 1024; // a 16 MiB kernel
    long kernelBytes = 4L * in * units;
    new Sequential(new Dense(8).inputShape(4)); // classes loaded before measuring
    long before = allocatedBytes();
    var model = new Sequential(new Dense(units).inputShape(in));
    long allocated = allocatedBytes() - before;
    assertTrue(model.countParams() == (long) in * units + units);
    assertTrue(
        allocated < kernelBytes * 5 / 4,
        "building allocated " + allocated + " bytes for a kernel of " + kernelBytes);
  }

  @Test
  void aUsersInitializerKeepsItsTensor() {
    Tensor kept = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Initializer mine =
        new Initializer() {
          @Override
          public Tensor apply(int... shape) {
            return kept;
          }

          @Override
          public Map<String, Object> getConfig() {
            return Map.of();
          }

          @Override
          public String className() {
            return "Mine";
          }
        };
    var dense = new Dense(2).kernelInitializer(mine).useBias(false);
    new Sequential(dense.inputShape(2));
    dense.kernel().assign(Tensor.zeros(2, 2));
    assertArrayEquals(new float[] {1, 2, 3, 4}, kept.toFloatArray(), "the user's tensor changed");
    assertArrayEquals(new float[4], dense.kernel().numpy().toFloatArray());
  }
}
