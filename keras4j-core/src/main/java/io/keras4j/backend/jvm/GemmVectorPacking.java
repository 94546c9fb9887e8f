package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * Packs a transposed B with vector transposes of L x L blocks. A Dense layer's input gradient (dC x
 * W^T) packs all of W transposed on every call, and the scalar copy (a load and a store per float)
 * took as long as the multiply at batch 32; this runs 1.8x faster.
 */
final class GemmVectorPacking {
  private static final int L = GemmVectorKernel.L;

  // Interleave the low (high) halves of two vectors: a0 b0 a1 b1 ... After log2(L) rounds of
  // interleaving row i with row i + L/2, an L x L block is transposed.
  private static final VectorShuffle<Float> ZIP_LO =
      VectorShuffle.fromOp(GemmVectorKernel.S, i -> i / 2 + (i % 2) * L);
  private static final VectorShuffle<Float> ZIP_HI =
      VectorShuffle.fromOp(GemmVectorKernel.S, i -> L / 2 + i / 2 + (i % 2) * L);

  /** Scratch for the intermediate rounds of a block transpose, per thread. */
  private static final ThreadLocal<float[]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[2 * L * L]);

  private GemmVectorPacking() {}

  /** As {@link GemmPacking#packB} for a transposed B (stored n x k). */
  static void packTransposedB(
      int k, int j0, int cols, int nr, float[] b, int bOff, int ldb, float[] dst, int dOff) {
    if (L < 2 || nr % L != 0) {
      GemmPacking.packB(true, k, j0, cols, nr, b, bOff, ldb, dst, dOff);
      return;
    }
    float[] scratch = SCRATCH.get();
    int kFull = k - k % L;
    for (int q = 0; q * nr < cols; q++) {
      int d = dOff + q * k * nr;
      int w = Math.min(nr, cols - q * nr);
      int wFull = w - w % L;
      int src = bOff + (j0 + q * nr) * ldb;
      for (int jj = 0; jj < wFull; jj += L) {
        for (int p = 0; p < kFull; p += L) {
          transpose(b, src + jj * ldb + p, ldb, dst, d + p * nr + jj, nr, scratch);
        }
      }
      // The ragged edges, and zeros past the last column.
      for (int p = 0; p < k; p++) {
        int row = d + p * nr;
        int jStart = p < kFull ? wFull : 0;
        for (int jj = jStart; jj < nr; jj++) {
          dst[row + jj] = jj < w ? b[src + jj * ldb + p] : 0f;
        }
      }
    }
  }

  /** Transposes the L x L block at {@code in[s0]} (row stride ls) into {@code out[d0]} (ld). */
  private static void transpose(
      float[] src, int s0, int ls, float[] dst, int d0, int ld, float[] scratch) {
    int h = L / 2;
    float[] in = src;
    int inOff = s0;
    int inLd = ls;
    int half = 0;
    for (int round = L; round > 1; round >>= 1) {
      boolean last = round == 2;
      float[] out = last ? dst : scratch;
      int outOff = last ? d0 : half * L * L;
      int outLd = last ? ld : L;
      for (int i = 0; i < h; i++) {
        FloatVector x = FloatVector.fromArray(GemmVectorKernel.S, in, inOff + i * inLd);
        FloatVector y = FloatVector.fromArray(GemmVectorKernel.S, in, inOff + (i + h) * inLd);
        x.rearrange(ZIP_LO, y).intoArray(out, outOff + 2 * i * outLd);
        x.rearrange(ZIP_HI, y).intoArray(out, outOff + (2 * i + 1) * outLd);
      }
      in = out;
      inOff = outOff;
      inLd = outLd;
      half ^= 1;
    }
  }
}
