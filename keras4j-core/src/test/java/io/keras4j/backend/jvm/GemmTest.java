package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.backend.FusedActivation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every GEMM kernel (scalar, and both vector tile shapes whatever this machine prefers) against a
 * naive triple loop in double precision: many shapes, all transposes, accumulate, offsets and
 * leading dimensions larger than a row, one and two threads.
 */
class GemmTest {
  private static final float OUTSIDE = 12345f;
  private final int savedThreads = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(savedThreads);
  }

  private static List<GemmKernel> kernels() {
    return List.of(GemmScalarKernel.INSTANCE, GemmVector4x2.INSTANCE, GemmVector8x2.INSTANCE);
  }

  /** m, n, k: edge sizes, non-multiples of every tile, several K blocks, both driver plans. */
  private static List<int[]> shapes() {
    List<int[]> s = new ArrayList<>();
    int[][] fixed = {
      {0, 5, 3},
      {5, 0, 3},
      {5, 3, 0},
      {0, 0, 0},
      {1, 1, 1},
      {2, 3, 4},
      {1, 100, 1},
      {100, 1, 7},
      {7, 33, 5},
      {8, 32, 40},
      {17, 65, 200},
      {33, 97, 300},
      {129, 70, 50},
      {200, 45, 129},
      {40, 300, 31},
      {64, 64, 600}
    };
    s.addAll(List.of(fixed));
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 8; i++) {
      s.add(new int[] {1 + r.nextInt(150), 1 + r.nextInt(150), 1 + r.nextInt(300)});
    }
    return s;
  }

  @Test
  void matchesNaiveLoopForAllShapesTransposesAndThreads() {
    SplittableRandom r = new SplittableRandom(42);
    for (int threads : new int[] {1, 2}) {
      Parallel.setThreads(threads);
      for (int[] s : shapes()) {
        for (int t = 0; t < 4; t++) {
          boolean accumulate = r.nextBoolean();
          for (GemmKernel kern : kernels()) {
            for (Route route : Route.values()) {
              check(route, kern, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], accumulate, r);
            }
          }
        }
      }
    }
  }

  @Test
  void largeProductWithBothPlansAndAccumulate() {
    Parallel.setThreads(2);
    SplittableRandom r = new SplittableRandom(3);
    GemmKernel vector = GemmVectorKernel.preferred();
    check(Route.ENTRY, vector, false, false, 256, 64, 784, true, r); // many rows: shared B
    check(Route.ENTRY, vector, false, true, 32, 300, 64, false, r); // few rows: per-chunk B
    check(Route.ENTRY, vector, true, false, 300, 300, 96, false, r); // wide: packed A^T
    check(Route.ENTRY, vector, true, false, 301, 64, 96, false, r); // narrow: A^T in place
    check(Route.ENTRY, GemmScalarKernel.INSTANCE, true, true, 150, 90, 130, true, r);
  }

  /**
   * Few rows and a long K take the split-K plan (slices into partial Cs, summed in slice order):
   * checked against the double loop for every kernel, transposes, partial tiles and accumulate, and
   * bit for bit the same on one and on two threads (the slices depend on the shape only).
   */
  @Test
  void fewRowsLongKSplitsKTheSameOnAnyThreadCount() {
    int[][] shapes = {{20, 70, 8192}, {27, 64, 9001}, {64, 33, 16384}};
    for (int[] s : shapes) {
      assertTrue(GemmDriver.splitSlices(s[0], s[1], s[2]) >= 4, "split plan for " + s[2]);
    }
    assertEquals(1, GemmDriver.splitSlices(129, 64, 65536), "many rows: the other plans");
    assertEquals(1, GemmDriver.splitSlices(64, 2048, 65536), "wide C: the other plans");
    assertEquals(1, GemmDriver.splitSlices(64, 512, 4096), "short K: the other plans");
    for (GemmKernel kern : kernels()) {
      for (int t = 0; t < 4; t++) {
        int[] s = shapes[t % shapes.length];
        boolean transA = (t & 1) != 0;
        boolean transB = (t & 2) != 0;
        float[] one = null;
        for (int threads : new int[] {1, 2}) {
          Parallel.setThreads(threads);
          float[] c = check(Route.ENTRY, kern, transA, transB, s[0], s[1], s[2], t == 3, seeded(t));
          if (one == null) {
            one = c;
          } else {
            assertArrayEquals(one, c, kern.name() + " " + t + ": threads change the sums");
          }
        }
      }
    }
  }

  /** The split plan with a fused bias and relu: act(A B + bias) on every element. */
  @Test
  void fewRowsLongKWithFusedBiasAndRelu() {
    Parallel.setThreads(2);
    SplittableRandom r = new SplittableRandom(5);
    int m = 13;
    int n = 45;
    int k = 10000;
    float[] a = random(r, m * k);
    float[] b = random(r, k * n);
    float[] bias = random(r, n);
    float[] c = new float[m * n];
    GemmKernel kern = GemmVectorKernel.preferred();
    Gemm.multiply(
        kern, false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, false, bias, FusedActivation.RELU);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double ref = bias[j];
        for (int p = 0; p < k; p++) {
          ref += (double) a[i * k + p] * b[p * n + j];
        }
        ref = Math.max(0, ref);
        assertEquals(ref, c[i * n + j], 1e-5 * k * (1 + Math.abs(ref)), "C[" + i + "][" + j + "]");
      }
    }
  }

  private static SplittableRandom seeded(int t) {
    return new SplittableRandom(100 + t);
  }

  @Test
  void publicKernelsAgreeWithEachOther() {
    SplittableRandom r = new SplittableRandom(11);
    int m = 70;
    int n = 90;
    int k = 110;
    float[] a = random(r, m * k);
    float[] b = random(r, k * n);
    float[] c1 = new float[m * n];
    float[] c2 = new float[m * n];
    new ScalarKernels().gemm(false, false, m, n, k, a, 0, k, b, 0, n, c1, 0, n, false);
    VectorKernelsFactory.create().gemm(false, false, m, n, k, a, 0, k, b, 0, n, c2, 0, n, false);
    for (int i = 0; i < c1.length; i++) {
      assertEquals(c1[i], c2[i], 1e-5f * k, "element " + i);
    }
  }

  @Test
  void rejectsArraysTooSmallWithAClearMessage() {
    float[] small = new float[5];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ScalarKernels()
                    .gemm(
                        false,
                        false,
                        2,
                        2,
                        3,
                        small,
                        0,
                        3,
                        new float[6],
                        0,
                        2,
                        new float[4],
                        0,
                        2,
                        false));
    assertEquals(
        "gemm: A (2 x 3, offset 0, ld 3) needs 6 floats but its array has 5", e.getMessage());
  }

  /** The ways into a kernel: whatever Gemm picks by size, or each path forced. */
  private enum Route {
    ENTRY,
    DRIVER,
    SMALL
  }

  /** Runs one product with random offsets and padded rows, and compares every element of C. */
  /** Runs one product and checks it against the double loop; returns C. */
  private static float[] check(
      Route route,
      GemmKernel kern,
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      boolean accumulate,
      SplittableRandom r) {
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    int lda = aCols + r.nextInt(3);
    int ldb = bCols + r.nextInt(3);
    int ldc = Math.max(1, n + r.nextInt(3));
    int aOff = r.nextInt(4);
    int bOff = r.nextInt(4);
    int cOff = r.nextInt(4);
    float[] a = random(r, aOff + aRows * lda);
    float[] b = random(r, bOff + bRows * ldb);
    float[] c = new float[cOff + m * ldc + 3];
    java.util.Arrays.fill(c, OUTSIDE);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        // Without accumulate C must be overwritten, never read: NaN would show through.
        c[cOff + i * ldc + j] = accumulate ? (float) (r.nextDouble() * 2 - 1) : Float.NaN;
      }
    }
    float[] before = c.clone();
    switch (route) {
      case ENTRY ->
          Gemm.multiply(
              kern, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
      case DRIVER -> {
        if (m == 0 || n == 0 || k == 0) {
          return c; // Gemm handles these before the driver
        }
        new GemmDriver(
                kern,
                transA,
                transB,
                m,
                n,
                k,
                a,
                aOff,
                lda,
                b,
                bOff,
                ldb,
                c,
                cOff,
                ldc,
                accumulate,
                Parallel.threads())
            .run();
      }
      case SMALL ->
          kern.small(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }
    String what =
        route
            + " "
            + kern.name()
            + (transA ? " A^T" : " A")
            + (transB ? " B^T " : " B ")
            + m
            + "x"
            + n
            + "x"
            + k
            + (accumulate ? " +C" : "")
            + " threads="
            + Parallel.threads();
    for (int idx = 0; idx < c.length; idx++) {
      int rel = idx - cOff;
      int i = rel >= 0 ? rel / ldc : -1;
      int j = rel >= 0 ? rel % ldc : -1;
      if (i < 0 || i >= m || j >= n) {
        if (Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(before[idx])) {
          fail(what + ": wrote outside C at index " + idx);
        }
        continue;
      }
      double ref = accumulate ? before[idx] : 0;
      for (int p = 0; p < k; p++) {
        double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        ref += av * bv;
      }
      double tol = 1e-5 * Math.max(1, k) * (1 + Math.abs(ref));
      if (!(Math.abs(c[idx] - ref) <= tol)) {
        fail(what + ": C[" + i + "][" + j + "] = " + c[idx] + ", expected " + ref);
      }
    }
    return c;
  }

  private static float[] random(SplittableRandom r, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return x;
  }
}
