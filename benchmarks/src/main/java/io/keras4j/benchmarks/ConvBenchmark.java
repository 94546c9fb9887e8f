package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ConvKernels;
import io.keras4j.backend.FusedActivation;
import io.keras4j.backend.StepPool;
import io.keras4j.backend.jvm.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Conv2D on the CIFAR shapes of the peers' cnn workload (model B: batch 64, 32x32x3, 64 filters
 * 3x3, padding same), in GFLOP/s: every benchmark does {@code 2 * M * N * K} floating-point
 * operations with {@code M = 64 * 32 * 32} output positions, {@code N = 64} filters and {@code K =
 * 3 * 3 * 3} patch columns, declared with {@code @OperationsPerInvocation}, so JMH's throughput in
 * ops/ns is GFLOP/s. {@code forward}, {@code backwardInput} and {@code backwardKernel} are the
 * three passes of {@link ConvKernels}; {@code gemm*} are the blocked GEMM alone on the same
 * products ({@code P W}, {@code dY W^T}, {@code P^T dY}) with the patch matrix already made, the
 * ceiling im2col can reach. Each convolution call runs inside a step of the backend's buffer pool,
 * as in training, so the patch and output arrays are recycled rather than allocated.
 *
 * <p>Run: {@code ./mvnw -o -q package -DskipTests -pl keras4j-core,benchmarks} then {@code java -cp
 * benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main
 * ConvBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBenchmark {
  static final int BATCH = 64;
  static final int SIDE = 32;
  static final int CIN = 3;
  static final int FILTERS = 64;
  static final int M = BATCH * SIDE * SIDE;
  static final int K = 3 * 3 * CIN;
  static final int FLOPS = 2 * M * FILTERS * K;

  private static final int[] ONE = {1, 1};
  private static final int[] PAD = {1, 1};

  @Param({"2"})
  public int threads;

  private ConvKernels conv;
  private Kernels kernels;
  private StepPool pool;
  private long step;
  private Tensor x;
  private Tensor kernel;
  private Tensor bias;
  private Tensor dy;
  private float[] patches;
  private float[] w;
  private float[] dyArray;
  private float[] out;
  private float[] dPatches;
  private float[] dw;
  private float[] xArray;

  @Setup
  public void setUp() {
    Backend.current().setThreads(threads);
    conv = Backend.current().conv();
    kernels = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    pool = Backend.current().newStepPool();
    Random r = new Random(42);
    x = Tensor.of(values(r, M * CIN), BATCH, SIDE, SIDE, CIN);
    kernel = Tensor.of(values(r, K * FILTERS), 3, 3, CIN, FILTERS);
    bias = Tensor.of(values(r, FILTERS), FILTERS);
    dy = Tensor.of(values(r, M * FILTERS), BATCH, SIDE, SIDE, FILTERS);
    patches = values(r, M * K);
    w = kernel.toFloatArray();
    dyArray = dy.toFloatArray();
    xArray = x.toFloatArray();
    out = new float[M * FILTERS];
    dPatches = new float[M * K];
    dw = new float[K * FILTERS];
  }

  private static float[] values(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return v;
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float forward() {
    try (var s = pool.open(++step)) {
      return conv.conv(x, kernel, ONE, PAD, PAD, ONE, 1).getFloat(0, 0, 0, 0);
    }
  }

  /** The Conv2D layer's forward: bias and relu in the GEMM's epilogue. */
  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float forwardBiasRelu() {
    try (var s = pool.open(++step)) {
      return conv.convBiasActivation(x, kernel, bias, FusedActivation.RELU, ONE, PAD, PAD, ONE)
          .getFloat(0, 0, 0, 0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float backwardInput() {
    try (var s = pool.open(++step)) {
      return conv.convBackwardInput(dy, kernel, x.shape(), ONE, PAD, ONE, 1).getFloat(0, 0, 0, 0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float backwardKernel() {
    try (var s = pool.open(++step)) {
      return conv.convBackwardKernel(x, dy, kernel.shape(), ONE, PAD, ONE, 1).getFloat(0, 0, 0, 0);
    }
  }

  /** The forward product alone: {@code P (M x K) W (K x N)}. */
  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float gemmForward() {
    kernels.gemm(false, false, M, FILTERS, K, patches, 0, K, w, 0, FILTERS, out, 0, FILTERS, false);
    return out[0];
  }

  /** The input gradient's product alone: {@code dY (M x N) W^T (N x K)}. */
  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float gemmBackwardInput() {
    kernels.gemm(
        false, true, M, K, FILTERS, dyArray, 0, FILTERS, w, 0, FILTERS, dPatches, 0, K, false);
    return dPatches[0];
  }

  /** The kernel gradient's product alone: {@code P^T (K x M) dY (M x N)}. */
  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float gemmBackwardKernel() {
    kernels.gemm(
        true, false, K, FILTERS, M, patches, 0, K, dyArray, 0, FILTERS, dw, 0, FILTERS, false);
    return dw[0];
  }

  /**
   * A direct convolution for comparison (not keras4j's kernel): per output pixel, per tap and input
   * channel, the pixel's 64 outputs add {@code x * w[tap, c, :]} (a loop C2 vectorizes), images
   * spread over the same threads. The class comment of keras4j's JvmConv cites this against {@link
   * #forward}.
   */
  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float directForward() {
    float[] xs = xArray;
    io.keras4j.backend.jvm.Parallel.forEach(BATCH, b -> directImage(xs, b));
    return out[0];
  }

  private void directImage(float[] xs, int b) {
    int rowFloats = SIDE * FILTERS;
    java.util.Arrays.fill(out, b * SIDE * rowFloats, (b + 1) * SIDE * rowFloats, 0f);
    for (int oy = 0; oy < SIDE; oy++) {
      for (int ox = 0; ox < SIDE; ox++) {
        int o = ((b * SIDE + oy) * SIDE + ox) * FILTERS;
        for (int ty = 0; ty < 3; ty++) {
          int iy = oy - 1 + ty;
          if (iy < 0 || iy >= SIDE) {
            continue;
          }
          for (int tx = 0; tx < 3; tx++) {
            int ix = ox - 1 + tx;
            if (ix < 0 || ix >= SIDE) {
              continue;
            }
            int xi = ((b * SIDE + iy) * SIDE + ix) * CIN;
            int wi = (ty * 3 + tx) * CIN * FILTERS;
            for (int c = 0; c < CIN; c++) {
              float v = xs[xi + c];
              int wc = wi + c * FILTERS;
              for (int f = 0; f < FILTERS; f++) {
                out[o + f] += v * w[wc + f];
              }
            }
          }
        }
      }
    }
  }
}
