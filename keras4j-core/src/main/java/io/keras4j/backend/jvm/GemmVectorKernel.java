package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;
import java.util.Arrays;
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
    if (transB && transA) {
      GemmScalarKernel.INSTANCE.small(
          true, true, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
      return;
    }
    for (int i = 0; i < m; i++) {
      int crow = cOff + i * ldc;
      if (transB) {
        // Rows of A and of the stored B both run along k: dot products.
        for (int j = 0; j < n; j++) {
          float s = dot(a, aOff + i * lda, b, bOff + j * ldb, k);
          c[crow + j] = accumulate ? c[crow + j] + s : s;
        }
        continue;
      }
      if (!accumulate) {
        Arrays.fill(c, crow, crow + n, 0f);
      }
      for (int p = 0; p < k; p++) {
        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        int brow = bOff + p * ldb;
        FloatVector va = FloatVector.broadcast(S, av);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
          FloatVector.fromArray(S, b, brow + j)
              .fma(va, FloatVector.fromArray(S, c, crow + j))
              .intoArray(c, crow + j);
        }
        for (; j < n; j++) {
          c[crow + j] += av * b[brow + j];
        }
      }
    }
  }

  private static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
    }
    float s = VectorMath.sumLanes(acc);
    for (; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }
}
