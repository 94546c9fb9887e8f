package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API micro-kernels: the shared small-product loop, and the choice of tile shape.
 *
 * <p>The tile must fit the vector register file: C2 hoists every broadcast of A of a k step to the
 * top of the loop, so accumulators + B vectors + A broadcasts must not exceed the registers, or an
 * accumulator spills to the stack each step (measured 2.3x slower). 4 x 2 vectors (8 + 2 + 4 = 14)
 * fits the 16 registers of AVX2; 8 x 2 vectors (16 + 2 + 8 = 26) fits the 32 of AVX-512 and ARM,
 * and halves the B loads per FMA.
 *
 * <p>The taller tile is taken only while the tile stays within {@link #MAX_TILE_FLOATS}: on Zen 4
 * (512-bit vectors) 8 x 32 was no faster than 4 x 32 (~105 GFLOP/s either way, at the core's FMA
 * peak), and with 26 of 32 registers live it lost 30% when the JIT's profile of the driver changed
 * (784 x 32 x 64 A^T B run after a 32 x 784 x 64 product: 107 -> 75 GFLOP/s; 4 x 32: 106 -> 102).
 */
abstract class GemmVectorKernel extends GemmKernel {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();

  /** Largest C tile (floats) worth its registers; see the class comment. */
  static final int MAX_TILE_FLOATS = 128;

  GemmVectorKernel(int mr) {
    super(mr, 2 * L);
  }

  /**
   * The kernel for this machine; system property {@code keras4j.gemm.kernel} ({@code 4x2} or {@code
   * 8x2}) overrides the choice.
   */
  static GemmKernel preferred() {
    String forced = System.getProperty("keras4j.gemm.kernel");
    if (forced != null) {
      return switch (forced) {
        case "4x2" -> GemmVector4x2.INSTANCE;
        case "8x2" -> GemmVector8x2.INSTANCE;
        default ->
            throw new IllegalArgumentException(
                "keras4j.gemm.kernel must be 4x2 or 8x2. Received: " + forced);
      };
    }
    boolean tall = vectorRegisters() >= 32 && 8 * 2 * L <= MAX_TILE_FLOATS;
    return tall ? GemmVector8x2.INSTANCE : GemmVector4x2.INSTANCE;
  }

  /**
   * Vector registers C2 can allocate: 32 on AArch64 (NEON and SVE) and on x86 with AVX-512 (the
   * EVEX encoding reaches zmm16-31; C2 prefers 512-bit vectors only when it uses AVX-512), else 16.
   */
  static int vectorRegisters() {
    String arch = System.getProperty("os.arch", "");
    if (arch.equals("aarch64")) {
      return 32;
    }
    return S.vectorBitSize() >= 512 ? 32 : 16;
  }

  @Override
  String name() {
    return "vector " + mr + "x" + nr + " (" + S.vectorBitSize() + "-bit)";
  }

  @Override
  void packB(
      boolean transB,
      int k,
      int j0,
      int cols,
      float[] b,
      int bOff,
      int ldb,
      float[] dst,
      int dOff) {
    if (transB) {
      GemmVectorPacking.packTransposedB(k, j0, cols, nr, b, bOff, ldb, dst, dOff);
    } else {
      GemmPacking.packB(false, k, j0, cols, nr, b, bOff, ldb, dst, dOff);
    }
  }

  @Override
  void epilogue(
      float[] c,
      int off,
      int ldc,
      int rows,
      int cols,
      float[] bias,
      int col0,
      FusedActivation act) {
    for (int i = 0; i < rows; i++) {
      VectorEpilogue.row(c, off + i * ldc, cols, bias, col0, act);
    }
  }

  /** Adds the accumulator to C (when load) and stores it. */
  static void store(FloatVector acc, float[] c, int off, boolean load) {
    (load ? acc.add(FloatVector.fromArray(S, c, off)) : acc).intoArray(c, off);
  }

  /** Half and quarter of the preferred vector, for the columns left over by full vectors. */
  private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

  private static final VectorSpecies<Float> S4 = FloatVector.SPECIES_128;

  /** Per-thread room for a transposed B (small products only: at most {@link Gemm#SMALL}). */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[1][]);

  /**
   * Small products (below {@link Gemm#SMALL} multiply-adds: Dense layers of a few dozen units) in
   * one pass without packing: for each row of C, column blocks of two vectors, one vector, then a
   * half and a quarter vector and single columns, each accumulated in registers over k and stored
   * once. Every element of C is the same chain of fused multiply-adds in order of k, {@code c =
   * fma(a_ip, b_pj, c)} from 0 (or from C when accumulating), whichever block computes it, so the
   * result does not depend on the vector width or on where a column falls. A transposed B (stored n
   * x k) is first copied to k x n in a per-thread scratch array, so that its rows run along C's
   * columns.
   */
  @Override
  void small(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    if (transB) {
      float[] bt = scratch(k * n);
      for (int j = 0; j < n; j++) {
        int src = bOff + j * ldb;
        for (int p = 0; p < k; p++) {
          bt[p * n + j] = b[src + p];
        }
      }
      b = bt;
      bOff = 0;
      ldb = n;
    }
    int ai = transA ? 1 : lda; // step of op(A) along i
    int ap = transA ? lda : 1; // step of op(A) along p
    for (int i = 0; i < m; i++) {
      int arow = aOff + i * ai;
      int crow = cOff + i * ldc;
      int j = 0;
      for (; j + 2 * L <= n; j += 2 * L) {
        int cj = crow + j;
        FloatVector acc0 = accumulate ? FloatVector.fromArray(S, c, cj) : FloatVector.zero(S);
        FloatVector acc1 = accumulate ? FloatVector.fromArray(S, c, cj + L) : FloatVector.zero(S);
        for (int p = 0, ax = arow, bx = bOff + j; p < k; p++, ax += ap, bx += ldb) {
          FloatVector va = FloatVector.broadcast(S, a[ax]);
          acc0 = FloatVector.fromArray(S, b, bx).fma(va, acc0);
          acc1 = FloatVector.fromArray(S, b, bx + L).fma(va, acc1);
        }
        acc0.intoArray(c, cj);
        acc1.intoArray(c, cj + L);
      }
      for (; j + L <= n; j += L) {
        int cj = crow + j;
        FloatVector acc = accumulate ? FloatVector.fromArray(S, c, cj) : FloatVector.zero(S);
        for (int p = 0, ax = arow, bx = bOff + j; p < k; p++, ax += ap, bx += ldb) {
          acc = FloatVector.fromArray(S, b, bx).fma(FloatVector.broadcast(S, a[ax]), acc);
        }
        acc.intoArray(c, cj);
      }
      if (L > 8 && j + 8 <= n) {
        int cj = crow + j;
        FloatVector acc = accumulate ? FloatVector.fromArray(S8, c, cj) : FloatVector.zero(S8);
        for (int p = 0, ax = arow, bx = bOff + j; p < k; p++, ax += ap, bx += ldb) {
          acc = FloatVector.fromArray(S8, b, bx).fma(FloatVector.broadcast(S8, a[ax]), acc);
        }
        acc.intoArray(c, cj);
        j += 8;
      }
      if (L > 4 && j + 4 <= n) {
        int cj = crow + j;
        FloatVector acc = accumulate ? FloatVector.fromArray(S4, c, cj) : FloatVector.zero(S4);
        for (int p = 0, ax = arow, bx = bOff + j; p < k; p++, ax += ap, bx += ldb) {
          acc = FloatVector.fromArray(S4, b, bx).fma(FloatVector.broadcast(S4, a[ax]), acc);
        }
        acc.intoArray(c, cj);
        j += 4;
      }
      for (; j < n; j++) {
        float s = accumulate ? c[crow + j] : 0f;
        for (int p = 0, ax = arow, bx = bOff + j; p < k; p++, ax += ap, bx += ldb) {
          s = Math.fma(a[ax], b[bx], s);
        }
        c[crow + j] = s;
      }
    }
  }

  private static float[] scratch(int size) {
    float[][] holder = SCRATCH.get();
    float[] s = holder[0];
    if (s == null || s.length < size) {
      s = new float[Math.max(size, 1024)];
      holder[0] = s;
    }
    return s;
  }
}
