package io.keras4j.backend.jvm;

import io.keras4j.backend.RecurrentKernels.Options;
import java.util.Arrays;

/**
 * The walk forward through time that the fused LSTM and GRU share. Each block of batch rows runs on
 * its own thread from the first step to the last. At a step: the block's states times the recurrent
 * kernel (packed once) into the rows of the gate buffer, then each row not masked at this step runs
 * the cell ({@link #row}) and its new state becomes its output; a masked row keeps its state and
 * repeats its previous output (or outputs zeros with zero_output_for_mask).
 *
 * <p>{@code packed} is {@code [s + 2 + extra, batch, units]}: the outputs of every step in
 * processing order ({@code s = time} when returned, else 0), the last output (zeros at first), the
 * state h (the initial one on entry), then any further states the cell keeps (LSTM's c).
 */
abstract class ForwardThroughTime {
  final int time;
  final int batch;
  final int units;
  final Options options;
  final float[] packed;

  /** The offset in {@link #packed} of the state h of row 0. */
  final int hBase;

  private final float[] mask;
  private final PackedMatrix kernel;
  private final float[] gates;
  private final int width;

  /**
   * @param mask {@code [time, batch]}, or null
   * @param kernel the recurrent kernel, packed
   * @param gates {@code [time, batch, width]} to keep every step's gate rows for the backward pass,
   *     or null to reuse one block-sized buffer
   * @param width floats a row of gates holds (at least the kernel's columns)
   */
  ForwardThroughTime(
      int time,
      int batch,
      int units,
      Options options,
      float[] packed,
      float[] mask,
      PackedMatrix kernel,
      float[] gates,
      int width) {
    this.time = time;
    this.batch = batch;
    this.units = units;
    this.options = options;
    this.packed = packed;
    this.mask = mask;
    this.kernel = kernel;
    this.gates = gates;
    this.width = width;
    int s = options.returnSequences() ? time : 0;
    this.hBase = (s + 1) * batch * units;
  }

  /** Before step t of rows {@code [r0, r0 + n)}: keep what the backward pass needs. */
  void before(int t, int r0, int n) {}

  /**
   * The cell at time t for row b: {@code z[zAt ..]} holds the row's recurrent product, {@code
   * packed[hAt ..]} its state h, which the cell replaces with the new one.
   */
  abstract void row(float[] z, int zAt, int t, int b, int hAt);

  /** After step t of rows {@code [r0, r0 + n)}. */
  void after(int t, int r0, int n) {}

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
    float[] z = gates != null ? gates : new float[n * width];
    float[] scratch = new float[kernel.scratchSize()];
    int oAt = s * slab + r0 * u;
    int hAt = hBase + r0 * u;
    for (int k = 0; k < time; k++) {
      int t = options.reverse() ? time - 1 - k : k;
      before(t, r0, n);
      int zAt = gates != null ? (t * batch + r0) * width : 0;
      kernel.multiply(packed, hAt, u, n, z, zAt, width, scratch);
      for (int i = 0; i < n; i++) {
        int b = r0 + i;
        if (mask != null && mask[t * batch + b] == 0f) {
          if (options.zeroOutputForMask()) {
            Arrays.fill(packed, oAt + i * u, oAt + (i + 1) * u, 0f);
          }
          continue;
        }
        row(z, zAt + i * width, t, b, hAt + i * u);
        System.arraycopy(packed, hAt + i * u, packed, oAt + i * u, u);
      }
      after(t, r0, n);
      if (s > 0) {
        System.arraycopy(packed, oAt, packed, (k * batch + r0) * u, n * u);
      }
    }
  }
}
