package io.keras4j.backend.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.ReLU;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.random.RandomOps;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Prediction steps take their intermediate results from a pool, as fit's steps do: the predictions
 * are the same bits as without it, every returned output stays readable, the steady state recycles
 * the patches and feature maps, and threads predicting at once on one model get the right numbers
 * (one of them pooled, the others not).
 */
class PooledPredictTest {

  private static final int BATCH = 8;

  /**
   * Bytes of the conv layer's output for one batch: (8, 64, 64, 16) floats. With the patches, a
   * step takes more than PredictPool's minimum, so the pool stays on.
   */
  private static final long FEATURE_MAP_BYTES = 4L * BATCH * 64 * 64 * 16;

  /** Bytes of the convolution's patches: 3 x 3 x 3 floats per output pixel. */
  private static final long PATCH_BYTES = 4L * BATCH * 64 * 64 * 27;

  @AfterEach
  void restore() {
    Buffers.setEnabled(true);
  }

  private static Sequential model(PooledFitTest.Probe probe) {
    Keras.setRandomSeed(3);
    return new Sequential(
        Input.of(64, 64, 3),
        new Conv2D(16, 3).padding("same"),
        probe,
        new ReLU(),
        new Flatten(),
        new Dense(5, "softmax"));
  }

  private static List<Tensor> batches() {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.add(RandomOps.uniform(new int[] {BATCH, 64, 64, 3}, -1, 1, 40 + i));
    }
    return out;
  }

  private static List<Tensor> predictAll(boolean pooled, PooledFitTest.Probe probe) {
    Buffers.setEnabled(pooled);
    Sequential m = model(probe);
    List<Tensor> out = new ArrayList<>();
    for (Tensor x : batches()) {
      out.add(m.predictOnBatch(x));
    }
    PredictOptions o = new PredictOptions().batchSize(BATCH).verbose(0);
    out.add(m.predict(List.of(Ops.concatenate(batches(), 0)), o).get(0));
    return out;
  }

  @Test
  void pooledPredictionsEqualUnpooledOnesAndStayReadable() {
    PooledFitTest.Probe pooledProbe = new PooledFitTest.Probe();
    PooledFitTest.Probe freshProbe = new PooledFitTest.Probe();
    List<Tensor> pooled = predictAll(true, pooledProbe);
    List<Tensor> fresh = predictAll(false, freshProbe);
    assertFalse(pooledProbe.last.isReadable(), "the pooled steps reused their arrays");
    assertTrue(freshProbe.last.isReadable(), "without the pool nothing is leased");
    assertEquals(fresh.size(), pooled.size());
    for (int i = 0; i < fresh.size(); i++) {
      assertTrue(pooled.get(i).isReadable(), "output " + i + " was kept");
      assertArrayEquals(
          fresh.get(i).toFloatArray(), pooled.get(i).toFloatArray(), 0f, "output " + i);
    }
    // predict's batches joined equal the batches predicted one by one.
    float[] joined = pooled.get(pooled.size() - 1).toFloatArray();
    for (int b = 0; b < 6; b++) {
      float[] one = pooled.get(b).toFloatArray();
      for (int j = 0; j < one.length; j++) {
        assertEquals(one[j], joined[b * one.length + j], 0f, "batch " + b + " element " + j);
      }
    }
  }

  /**
   * The pool recycles what a batch's layers make: the patches of the convolution and the two
   * feature maps (conv, relu). Pooled and unpooled calls alternate, so that the JIT's state (the
   * Vector API allocates until C2 compiles its loops) weighs on both alike.
   */
  @Test
  void steadyStatePredictionRecyclesPatchesAndFeatureMaps() {
    Sequential m = model(new PooledFitTest.Probe());
    Tensor x = batches().get(0);
    for (int i = 0; i < 5; i++) {
      m.predictOnBatch(x);
    }
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    long[] bytes = new long[2]; // unpooled, pooled
    for (int i = 0; i < 40; i++) {
      boolean pooled = i % 2 == 1;
      Buffers.setEnabled(pooled);
      long before = bean.getThreadAllocatedBytes(id);
      m.predictOnBatch(x);
      bytes[pooled ? 1 : 0] += bean.getThreadAllocatedBytes(id) - before;
    }
    long saved = (bytes[0] - bytes[1]) / 20;
    long recycled = PATCH_BYTES + 2 * FEATURE_MAP_BYTES;
    assertTrue(
        saved >= recycled * 9 / 10,
        "the pool saved "
            + saved
            + " bytes per batch; patches and feature maps are "
            + recycled
            + " (unpooled "
            + bytes[0] / 20
            + ", pooled "
            + bytes[1] / 20
            + ")");
  }

  /**
   * A model whose steps make little garbage (an MLP: a few thousand floats a batch) predicts
   * unpooled after its first pooled step: the pool's bookkeeping would cost it more than the
   * collector does.
   */
  @Test
  void smallStepsTurnThePoolOff() {
    Buffers.setEnabled(true);
    PooledFitTest.Probe probe = new PooledFitTest.Probe();
    Keras.setRandomSeed(4);
    Sequential m = new Sequential(Input.of(6), new Dense(16, "relu"), probe, new Dense(3));
    Tensor x = RandomOps.uniform(new int[] {32, 6}, -1, 1, 9);
    float[] first = m.predictOnBatch(x).toFloatArray();
    m.predictOnBatch(x); // the first pooled step: small, so the pool goes off
    assertFalse(probe.last.isReadable(), "the second step was pooled");
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first, m.predictOnBatch(x).toFloatArray(), 0f);
      assertTrue(probe.last.isReadable(), "step " + (i + 3) + " ran without the pool");
    }
  }

  @Test
  void threadsPredictingAtOnceGetTheirOwnNumbers() throws Exception {
    Buffers.setEnabled(true);
    Sequential m = model(new PooledFitTest.Probe());
    List<Tensor> xs = batches();
    List<float[]> expected = new ArrayList<>();
    for (Tensor x : xs) {
      expected.add(m.predictOnBatch(x).toFloatArray());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int offset = t;
        runs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 30; i++) {
                    int b = (i + offset) % xs.size();
                    assertArrayEquals(
                        expected.get(b),
                        m.predictOnBatch(xs.get(b)).toFloatArray(),
                        0f,
                        "batch " + b);
                  }
                  return null;
                }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
