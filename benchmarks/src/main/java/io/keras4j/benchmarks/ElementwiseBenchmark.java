package io.keras4j.benchmarks;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.pool.Buffers;
import io.keras4j.ops.Ops;
import io.keras4j.random.RandomOps;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one elementwise op (through {@link Ops}, as layers call them) in a fresh JVM, where it is
 * the only op that ever ran, and in a polluted one, where {@link Pollution} first ran every op of
 * every family thousands of times: with one loop per op, the polluted time should stay within 1.2x
 * of the fresh one. {@code copy} ({@code System.arraycopy}) is the memory-bandwidth yardstick of
 * the same size. Ops run inside an active step pool ({@link Buffers.Pool}), as in training, so
 * outputs reuse their arrays instead of allocating.
 *
 * <p>Run: {@code benchmarks/bin/elementwise} (prints the table of docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 150, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class ElementwiseBenchmark {
  /** The ops measured; see {@link #run()}. */
  static final List<String> OPS =
      List.of(
          "copy",
          "negative",
          "abs",
          "sign",
          "square",
          "sqrt",
          "rsqrt",
          "exp",
          "expm1",
          "log",
          "log1p",
          "tanh",
          "sigmoid",
          "relu",
          "softplus",
          "softsign",
          "erf",
          "sin",
          "cos",
          "reciprocal",
          "floor",
          "ceil",
          "round",
          "clip",
          "cast",
          "cast_float",
          "add",
          "add_bias",
          "add_scalar",
          "multiply",
          "multiply_bias",
          "multiply_scalar",
          "softmax",
          "sum");

  @Param({
    "copy",
    "negative",
    "abs",
    "sign",
    "square",
    "sqrt",
    "rsqrt",
    "exp",
    "expm1",
    "log",
    "log1p",
    "tanh",
    "sigmoid",
    "relu",
    "softplus",
    "softsign",
    "erf",
    "sin",
    "cos",
    "reciprocal",
    "floor",
    "ceil",
    "round",
    "clip",
    "cast",
    "cast_float",
    "add",
    "add_bias",
    "add_scalar",
    "multiply",
    "multiply_bias",
    "multiply_scalar",
    "softmax",
    "sum"
  })
  public String op;

  /** Floats per tensor: 1M (memory-bound) or 16K (in cache). */
  @Param({"1048576", "16384"})
  public int size;

  /**
   * {@code fresh} or {@code polluted} (named so that it sorts after op and size: JMH runs the two
   * forks of one case back to back, under the same load from other processes).
   */
  @Param({"fresh", "polluted"})
  public String state;

  private static final int ROW = 1024;

  private int kind;
  private Tensor x;
  private Tensor pos;
  private Tensor y;
  private Tensor bias;
  private Tensor scalar;
  private Tensor ints;
  private float[] src;
  private float[] dst;
  private final Buffers.Pool pool = new Buffers.Pool();

  @Setup(Level.Trial)
  public void setUp() {
    kind = OPS.indexOf(op);
    if (kind < 0) {
      throw new IllegalArgumentException("Unknown op. Received: op=" + op);
    }
    int[] shape = {size / ROW, ROW};
    x = RandomOps.uniform(shape, -3, 3, 1);
    pos = RandomOps.uniform(shape, 0.1, 3, 2);
    y = RandomOps.uniform(shape, -3, 3, 3);
    bias = RandomOps.uniform(new int[] {ROW}, -1, 1, 4);
    scalar = Tensor.scalar(0.75f);
    ints = Ops.cast(Ops.multiply(x, 100f), DType.INT32);
    src = x.toFloatArray();
    dst = new float[size];
    if ("polluted".equals(state)) {
      pollute();
    } else if (!"fresh".equals(state)) {
      throw new IllegalArgumentException(
          "state must be fresh or polluted. Received: state=" + state);
    }
  }

  private static boolean polluted;

  /** Once per JVM (a non-forked run, {@code -f 0}, measures every case after one pollution). */
  private static synchronized void pollute() {
    if (!polluted) {
      Pollution.run(1000);
      awaitCompilerQuiet();
      polluted = true;
    }
  }

  /**
   * Waits (up to 20 s) until the JIT has compiled nothing for half a second: the pollution leaves a
   * queue of compilations which, on a busy machine, would otherwise still run during warm-up.
   */
  private static void awaitCompilerQuiet() {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long last = -1;
    for (int i = 0; i < 40; i++) {
      long now = jit.getTotalCompilationTime();
      if (now == last) {
        return;
      }
      last = now;
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Benchmark
  public Object run() {
    try (Buffers.Scope s = pool.activate()) {
      return switch (kind) {
        case 0 -> copy();
        case 1 -> Ops.negative(x);
        case 2 -> Ops.abs(x);
        case 3 -> Ops.sign(x);
        case 4 -> Ops.square(x);
        case 5 -> Ops.sqrt(pos);
        case 6 -> Ops.rsqrt(pos);
        case 7 -> Ops.exp(x);
        case 8 -> Ops.expm1(x);
        case 9 -> Ops.log(pos);
        case 10 -> Ops.log1p(pos);
        case 11 -> Ops.tanh(x);
        case 12 -> Ops.sigmoid(x);
        case 13 -> Ops.relu(x);
        case 14 -> Ops.softplus(x);
        case 15 -> Ops.softsign(x);
        case 16 -> Ops.erf(x);
        case 17 -> Ops.sin(x);
        case 18 -> Ops.cos(x);
        case 19 -> Ops.reciprocal(pos);
        case 20 -> Ops.floor(x);
        case 21 -> Ops.ceil(x);
        case 22 -> Ops.round(x);
        case 23 -> Ops.clip(x, -1f, 1f);
        case 24 -> Ops.cast(x, DType.INT32);
        case 25 -> Ops.cast(ints, DType.FLOAT32);
        case 26 -> Ops.add(x, y);
        case 27 -> Ops.add(x, bias);
        case 28 -> Ops.add(x, scalar);
        case 29 -> Ops.multiply(x, y);
        case 30 -> Ops.multiply(x, bias);
        case 31 -> Ops.multiply(x, scalar);
        case 32 -> Ops.softmax(x);
        case 33 -> Ops.sum(x);
        default -> throw new IllegalStateException("op " + op);
      };
    }
  }

  private float[] copy() {
    System.arraycopy(src, 0, dst, 0, size);
    return dst;
  }
}
