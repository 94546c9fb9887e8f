package io.keras4j.benchmarks;

import io.keras4j.backend.jvm.Kernels;
import java.util.SplittableRandom;

/**
 * One GEMM of the benchmarks, written {@code MxKxN} as in docs and notes, with {@code :tA} or
 * {@code :tB} for a transposed operand (e.g. {@code 784x32x64:tA}, a Dense weight gradient A^T dC).
 * Holds its operands, filled with random values, and C.
 */
public final class GemmShape {
  public final String name;
  public final int m;
  public final int k;
  public final int n;
  public final boolean transA;
  public final boolean transB;
  private final float[] a;
  private final float[] b;
  private final float[] c;

  private GemmShape(String name, int m, int k, int n, boolean transA, boolean transB) {
    this.name = name;
    this.m = m;
    this.k = k;
    this.n = n;
    this.transA = transA;
    this.transB = transB;
    SplittableRandom r = new SplittableRandom(1);
    a = new float[m * k];
    b = new float[k * n];
    c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextDouble(-1, 1);
    }
  }

  /** Parses {@code MxKxN[:tA|:tB|:tAtB]}. */
  public static GemmShape parse(String spec) {
    String[] parts = spec.split(":", 2);
    String[] dims = parts[0].split("x");
    String flags = parts.length > 1 ? parts[1] : "";
    if (dims.length != 3 || !flags.matches("(tA)?(tB)?")) {
      throw new IllegalArgumentException(
          "A GEMM shape is MxKxN with an optional :tA, :tB or :tAtB. Received: " + spec);
    }
    return new GemmShape(
        spec,
        Integer.parseInt(dims[0]),
        Integer.parseInt(dims[1]),
        Integer.parseInt(dims[2]),
        flags.contains("tA"),
        flags.contains("tB"));
  }

  /** Floating-point operations of one product (a multiply-add counts two). */
  public double flops() {
    return 2.0 * m * n * k;
  }

  /** Runs {@code C = op(A) op(B)} once. */
  public void run(Kernels kernels) {
    kernels.gemm(
        transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, false);
  }
}
