package io.keras4j.backend.jvm;

import io.keras4j.backend.RecurrentKernels.Options;
import java.util.Arrays;

/**
 * The walk back through time that the fused LSTM and GRU backward passes share. Each block of batch
 * rows runs on its own thread from the last step to the first. At a step, a row first collects the
 * gradient reaching its output (from the output sequence, the last output, and later masked steps
 * that repeated it); a masked row then passes its state gradient on unchanged, any other row adds
 * the output gradient to its state gradient and runs the cell's backward ({@link #row}), and the
 * state gradient of the step before is what the row left plus the product of the recurrent
 * product's gradient with the transposed recurrent kernel.
 *
 * <p>{@code dh} ({@code [batch, units]}) holds the gradient of the final state on entry and of the
 * initial state on return.
 */
abstract class BackwardThroughTime {
  final int time;
  final int batch;
  final int units;
  final Options options;
  final float[] dh;
  private final float[] dPacked;
  private final float[] mask;
  private final PackedMatrix transposedKernel;
  private final float[] dRecurrent;
  private final int width;

  /**
   * @param dPacked the gradient of the forward pass's packed output (outputs of every step when
   *     returned, then the last output, then the states)
   * @param mask {@code [time, batch]}, or null
   * @param transposedKernel the recurrent kernel's transpose, packed
   * @param dRecurrent where {@link #row} writes the gradient of the recurrent product, {@code
   *     [time, batch, width]}
   */
  BackwardThroughTime(
      int time,
      int batch,
      int units,
      Options options,
      float[] dPacked,
      float[] mask,
      PackedMatrix transposedKernel,
      float[] dRecurrent,
      int width) {
    this.time = time;
    this.batch = batch;
    this.units = units;
    this.options = options;
    this.dPacked = dPacked;
    this.mask = mask;
    this.transposedKernel = transposedKernel;
    this.dRecurrent = dRecurrent;
    this.width = width;
    int s = options.returnSequences() ? time : 0;
    this.dh = JvmTensors.output(batch * units);
    System.arraycopy(dPacked, (s + 1) * batch * units, dh, 0, batch * units);
  }

  /**
   * The cell's backward at time t for row b: {@code dh[b * units ..]} holds the gradient of the
   * state after the step; writes the step's gradients and leaves in dh the part of the previous
   * state's gradient that does not go through the recurrent product.
   */
  abstract void row(int t, int b);

  /** Writes zero gradients for a masked step of row b at time t. */
  abstract void maskedRow(int t, int b);

  /** Runs every block of rows through time. */
  final void run(long work, int mr) {
    RowBlocks blocks = RowBlocks.of(batch, work, mr);
    Parallel.forEach(blocks.count(), q -> block(q * blocks.per(), blocks.per()));
  }

  private void block(int r0, int per) {
    int u = units;
    int n = Math.min(batch, r0 + per) - r0;
    int slab = batch * u;
    int s = options.returnSequences() ? time : 0;
    float[] scratch = new float[transposedKernel.scratchSize()];
    float[] carry = Arrays.copyOfRange(dPacked, s * slab + r0 * u, s * slab + (r0 + n) * u);
    float[] product = new float[n * u];
    for (int k = time - 1; k >= 0; k--) {
      int t = options.reverse() ? time - 1 - k : k;
      for (int i = 0; i < n; i++) {
        int b = r0 + i;
        int ci = i * u;
        if (s > 0) {
          int from = (k * batch + b) * u;
          for (int j = 0; j < u; j++) {
            carry[ci + j] += dPacked[from + j];
          }
        }
        if (mask != null && mask[t * batch + b] == 0f) {
          maskedRow(t, b);
          if (options.zeroOutputForMask()) {
            Arrays.fill(carry, ci, ci + u, 0f);
          }
          continue;
        }
        int hb = b * u;
        for (int j = 0; j < u; j++) {
          dh[hb + j] += carry[ci + j];
        }
        Arrays.fill(carry, ci, ci + u, 0f);
        row(t, b);
      }
      transposedKernel.multiply(
          dRecurrent, (t * batch + r0) * width, width, n, product, 0, u, scratch);
      int h0 = r0 * u;
      for (int i = 0; i < n * u; i++) {
        dh[h0 + i] += product[i];
      }
    }
  }
}
