package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.RecurrentKernels;
import io.keras4j.backend.RecurrentKernels.LstmForward;
import io.keras4j.backend.RecurrentKernels.Options;
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
 * The fused LSTM of {@link RecurrentKernels} on one direction of the peers' bilstm workload (100
 * steps, batch 32, 64 units), in GFLOP/s of its recurrent products: {@code 2 * T * B * u * 4u} per
 * pass (the gates' work comes on top, uncounted). {@code forward} is inference, {@code training} a
 * forward that keeps what the backward needs plus the backward (twice the products and the
 * recurrent kernel's gradient, so {@code 3x} the count). {@code gemm} is the blocked GEMM on a
 * product of the same size in one call ({@code 3200 x 64} by {@code 64 x 256}), the hardware's
 * figure in the same JVM. {@code polluted} first runs every op of every family (see {@link
 * Pollution}), as a JVM that has trained a while.
 *
 * <p>Run: {@code ./mvnw -o -q package -DskipTests -pl keras4j-core,benchmarks} then {@code java -cp
 * benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main
 * RecurrentBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RecurrentBenchmark {
  static final int TIME = 100;
  static final int BATCH = 32;
  static final int UNITS = 64;
  static final int GATES = 4 * UNITS;
  static final int FLOPS = 2 * TIME * BATCH * UNITS * GATES;

  @Param({"2"})
  public int threads;

  @Param({"fresh", "polluted"})
  public String state;

  private RecurrentKernels recurrent;
  private Kernels kernels;
  private StepPool pool;
  private long step;
  private Tensor projected;
  private Tensor recurrentKernel;
  private Tensor h0;
  private Tensor c0;
  private Tensor dPacked;
  private float[] a;
  private float[] b;
  private float[] c;
  private final Options options = new Options(false, false, false);

  @Setup
  public void setUp() {
    if ("polluted".equals(state)) {
      Pollution.run(1000);
    }
    Backend.current().setThreads(threads);
    recurrent = Backend.current().recurrent();
    kernels = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    pool = Backend.current().newStepPool();
    Random r = new Random(7);
    projected = Tensor.of(values(r, TIME * BATCH * GATES, 1), TIME, BATCH, GATES);
    recurrentKernel = Tensor.of(values(r, UNITS * GATES, 0.2), UNITS, GATES);
    h0 = Tensor.zeros(BATCH, UNITS);
    c0 = Tensor.zeros(BATCH, UNITS);
    dPacked = Tensor.of(values(r, 3 * BATCH * UNITS, 1), 3, BATCH, UNITS);
    a = values(r, TIME * BATCH * UNITS, 1);
    b = values(r, UNITS * GATES, 0.2);
    c = new float[TIME * BATCH * GATES];
  }

  private static float[] values(Random r, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float forward() {
    try (var s = pool.open(++step)) {
      return recurrent
          .lstm(projected, recurrentKernel, h0, c0, null, options, false)
          .packed()
          .getFloat(0, 0, 0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(3 * FLOPS)
  public float training() {
    try (var s = pool.open(++step)) {
      LstmForward f = recurrent.lstm(projected, recurrentKernel, h0, c0, null, options, true);
      return recurrent
          .lstmBackward(dPacked, f.saved(), recurrentKernel, null, options)
          .recurrentKernel()
          .getFloat(0, 0);
    }
  }

  @Benchmark
  @OperationsPerInvocation(FLOPS)
  public float gemm() {
    kernels.gemm(
        false, false, TIME * BATCH, GATES, UNITS, a, 0, UNITS, b, 0, GATES, c, 0, GATES, false);
    return c[0];
  }
}
