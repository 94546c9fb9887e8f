package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.StepPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Recycled memory for a model's prediction steps, as {@link CompileState}'s pool is for fit and
 * evaluate: from the second step on, the intermediate results of a {@link Trainer#predictStep}
 * (layer outputs, im2col patches) come from a pool and go back to it when the step ends, and the
 * outputs are copied out first. Without it, a CNN's prediction made tens of MB of garbage per batch
 * (the cnn_b64 workload: two 16 MB feature maps and 7 MB of patches per batch of 64), which a small
 * young generation promoted and a full collection then swept every few batches.
 *
 * <p>One thread at a time uses the pool; a model predicting on several threads at once runs the
 * others without it. The first step never uses it: it may build layers that keep what they make. A
 * model whose first pooled step takes less than {@link #MIN_FLOATS} from the pool predicts unpooled
 * from then on: its garbage costs the collector less than the pool's bookkeeping costs each step
 * (the MLP of the mlp_b32 workload, 5K floats a batch of 32, predicted 10-14% slower pooled).
 */
final class PredictPool {
  /** Floats a step must take from the pool (4 MB) for pooling to stay on. */
  static final long MIN_FLOATS = 1 << 20;

  private final ReentrantLock lock = new ReentrantLock();
  private StepPool pool; // made on first use, with the backend of that moment
  private long steps;
  private volatile boolean unpooled;

  /** Runs one prediction step, pooled when possible; the outputs are the caller's for good. */
  List<Tensor> run(Supplier<List<Tensor>> step) {
    if (unpooled || !lock.tryLock()) {
      return step.get();
    }
    try {
      if (++steps == 1) {
        return step.get();
      }
      if (pool == null) {
        pool = Backend.current().newStepPool();
      }
      List<Tensor> kept;
      try (StepPool.StepScope scope = pool.open(steps)) {
        List<Tensor> out = step.get();
        kept = new ArrayList<>(out.size());
        for (Tensor t : out) {
          kept.add(t == null ? null : Tensor.of(t.storage().keep(), t.shape()));
        }
      }
      if (steps == 2 && pool.floatsOfLastStep() < MIN_FLOATS) {
        unpooled = true; // -1 (not counted) also ends it: no measure, no bookkeeping
        pool = null;
      }
      return kept;
    } finally {
      lock.unlock();
    }
  }
}
