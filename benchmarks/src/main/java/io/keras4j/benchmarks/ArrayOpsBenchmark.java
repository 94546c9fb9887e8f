package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.backend.Backend;
import io.keras4j.backend.FusedActivation;
import io.keras4j.backend.OptimizerKernels;
import io.keras4j.backend.RandomKernels;
import io.keras4j.ops.Ops;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One primitive of the array, random and optimizer families per run, on {@code size} floats, in a
 * fresh JVM or in a "polluted" one where every primitive of every family (and the common math ops)
 * ran a few thousand times first: a primitive whose loop goes through a shared, megamorphic call
 * site is slower polluted. {@code copy} ({@link System#arraycopy}) and {@code sum} give the memory
 * bandwidth of the same run. {@code benchmarks/bin/array-ops} turns the times into GB/s (the bytes
 * each call must read and write, as {@code array_ops_table.py} lists them).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main ArrayOpsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class ArrayOpsBenchmark {
  /** Rows are 64 floats wide; size / 64 rows. */
  static final int WIDTH = 64;

  @Param({
    "copy",
    "sum",
    "transpose",
    "broadcastTo",
    "concatenate",
    "take",
    "takeBackward",
    "pad",
    "scatterAdd",
    "oneHot",
    "adam",
    "rmsprop",
    "sgdMomentum",
    "normal"
  })
  public String op;

  @Param({"16384", "1048576"})
  public int size;

  @Param({"false", "true"})
  public boolean polluted;

  private ArrayKernels array;
  private OptimizerKernels opt;
  private RandomKernels random;
  private float[] src;
  private float[] dst;
  private Tensor x;
  private int[] xShape;
  private Tensor half;
  private Tensor row;
  private Tensor narrow;
  private Tensor rowIndices;
  private Tensor classes;
  private Tensor w;
  private Tensor g;
  private Tensor m;
  private Tensor v;
  private int[][] padMaps;
  private int[][] tileMaps;
  private int[] narrowShape;

  @Setup(Level.Trial)
  public void setUp() {
    Backend b = Backend.current();
    b.setThreads(1);
    array = b.array();
    opt = b.optimizers();
    random = b.random();
    if (polluted) {
      Pollution.run(b, 3000);
    }
    int rows = size / WIDTH;
    src = values(size, 1);
    dst = new float[size];
    x = Tensor.of(values(size, 2), rows, WIDTH);
    xShape = x.shape();
    half = Tensor.of(values(size / 2, 3), rows, WIDTH / 2);
    row = Tensor.of(values(WIDTH, 4), 1, WIDTH);
    narrow = Tensor.of(values(rows * (WIDTH - 2), 5), rows, WIDTH - 2);
    narrowShape = new int[] {rows, WIDTH / 2};
    int[] perm = new int[rows];
    Random r = new Random(6);
    for (int i = 0; i < rows; i++) {
      perm[i] = r.nextInt(rows);
    }
    rowIndices = Tensor.ofInts(perm, rows);
    int[] cls = new int[size / 16];
    for (int i = 0; i < cls.length; i++) {
      cls[i] = r.nextInt(16);
    }
    classes = Tensor.ofInts(cls, cls.length);
    padMaps = new int[][] {range(0, rows), padMap(WIDTH - 2)};
    tileMaps = new int[][] {range(0, rows), tileMap(WIDTH / 2)};
    w = Tensor.of(values(size, 7), size);
    g = Tensor.of(values(size, 8), size);
    m = Tensor.of(values(size, 9), size);
    float[] pos = values(size, 10);
    for (int i = 0; i < pos.length; i++) {
      pos[i] = Math.abs(pos[i]) + 0.1f;
    }
    v = Tensor.of(pos, size);
  }

  @Benchmark
  public void run(Blackhole bh) {
    switch (op) {
      case "copy" -> {
        System.arraycopy(src, 0, dst, 0, size);
        bh.consume(dst);
      }
      case "sum" -> {
        float s = 0;
        for (float f : src) {
          s += f;
        }
        bh.consume(s);
      }
      case "transpose" -> bh.consume(array.transpose(x, new int[] {1, 0}));
      case "broadcastTo" -> bh.consume(array.broadcastTo(row, xShape));
      case "concatenate" -> bh.consume(array.concatenate(List.of(half, half), 1));
      case "take" -> bh.consume(array.take(x, rowIndices, 0));
      case "takeBackward" -> bh.consume(array.takeBackward(x, rowIndices, 0, xShape));
      case "pad" -> bh.consume(array.gatherAxes(narrow, padMaps, 0f));
      case "scatterAdd" -> bh.consume(array.scatterAddAxes(x, tileMaps, narrowShape));
      case "oneHot" -> bh.consume(array.oneHot(classes, 16, 1));
      case "adam" -> opt.adam(w, g, m, v, null, 1e-3f, 0.9, 0.999, 1e-7);
      case "rmsprop" -> opt.rmsprop(w, g, v, null, null, 1e-3f, 0.9, 0, 1e-7);
      case "sgdMomentum" -> opt.sgd(w, g, m, 1e-3f, 0.9, false);
      case "normal" -> bh.consume(random.normal(new int[] {size}, 0, 1, 42));
      default -> throw new IllegalArgumentException("unknown op " + op);
    }
  }

  static float[] values(int n, long seed) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (2 * r.nextDouble() - 1) * 1e-3f;
    }
    return out;
  }

  static int[] range(int start, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + i;
    }
    return out;
  }

  /** Reads n values into n + 2 with one fill value on each side. */
  static int[] padMap(int n) {
    int[] out = new int[n + 2];
    out[0] = -1;
    out[n + 1] = -1;
    for (int i = 0; i < n; i++) {
      out[i + 1] = i;
    }
    return out;
  }

  /** Two copies of n values (the map of a tile; its scatter-add sums them back). */
  static int[] tileMap(int n) {
    int[] out = new int[2 * n];
    for (int i = 0; i < out.length; i++) {
      out[i] = i % n;
    }
    return out;
  }

  /** Every primitive of every family, and the common math ops, on small tensors. */
  static final class Pollution {
    private Pollution() {}

    static void run(Backend b, int times) {
      ArrayKernels a = b.array();
      OptimizerKernels o = b.optimizers();
      RandomKernels r = b.random();
      Tensor x = Tensor.of(values(256, 1), 16, 16);
      int[] xShape = x.shape();
      Tensor k = Tensor.of(values(256, 2), 16, 16);
      Tensor bias = Tensor.of(values(16, 3), 16);
      Tensor idx = Tensor.ofInts(new int[] {3, 1, 4, 1, 5}, 5);
      Tensor flat = Tensor.of(values(256, 4), 256);
      Tensor slot1 = Tensor.of(values(256, 5), 256);
      Tensor slot2 = Tensor.of(values(256, 6), 256);
      Tensor slot3 = Tensor.of(values(256, 7), 256);
      for (int i = 0; i < 256; i++) {
        o.fill(slot2, 0.5);
      }
      int[][] maps = {range(2, 10), padMap(16)};
      for (int t = 0; t < times; t++) {
        Tensor y = a.matmul(x, k, t % 2 == 0, t % 3 == 0);
        for (FusedActivation act : FusedActivation.values()) {
          Tensor z = a.linear(x, k, bias, act);
          a.linearBackward(x, k, z, y, act, true, true, true);
        }
        a.transpose(x, new int[] {1, 0});
        a.broadcastTo(bias, xShape);
        a.concatenate(List.of(x, y), t % 2);
        Tensor gathered = a.gatherAxes(x, maps, 0f);
        a.scatterAddAxes(gathered, maps, xShape);
        Tensor taken = a.take(x, idx, t % 2);
        a.takeBackward(taken, idx, t % 2, xShape);
        a.oneHot(idx, 8, 1);
        a.firstIndexOutside(idx, 0, 8);
        r.uniform(new int[] {64}, 0, 1, t);
        r.normal(new int[] {64}, 0, 1, t);
        r.truncatedNormal(new int[] {64}, 0, 1, t);
        r.dropoutMask(new int[] {64}, 0.5, t);
        o.sgd(flat, slot1, slot2, 1e-4f, 0.9, t % 2 == 0);
        o.sgd(flat, slot1, null, 1e-4f, 0, false);
        o.adam(flat, slot1, slot2, slot3, null, 1e-4f, 0.9, 0.999, 1e-7);
        o.rmsprop(flat, slot1, slot3, null, null, 1e-4f, 0.9, 0, 1e-7);
        o.adagrad(flat, slot1, slot3, 1e-4f, 1e-7);
        o.adadelta(flat, slot1, slot3, slot2, 1e-4f, 0.95, 1e-7);
        o.adamax(flat, slot1, slot2, slot3, 1e-4f, 0.1f, 0.9, 0.999, 1e-7);
        o.ftrl(flat, slot1, slot3, slot2, 1e-4f, -0.5, 0, 0, 0, 0);
        o.lion(flat, slot1, slot2, 1e-4f, 0.9, 0.99);
        o.nadam(flat, slot1, slot2, slot3, 1e-4f, 0.9f, 0.1f, 1.1f, 0.9, 0.999, 1e-7);
        o.weightDecay(flat, 1e-4f, 1e-3f);
        o.scale(slot1, 0.5f, slot2);
        o.clip(slot1, -1f, 1f, slot2);
        o.sumOfSquares(slot1);
        o.fill(slot2, 0.5);
        // The math family's common ops, through the public facade.
        Ops.relu(Ops.add(x, y));
        Ops.sigmoid(Ops.multiply(x, y));
        Ops.tanh(Ops.subtract(x, y));
        Ops.exp(Ops.divide(x, Ops.add(Ops.abs(y), Tensor.scalar(1f))));
        Ops.sum(Ops.softmax(x));
        Ops.mean(Ops.square(x));
      }
    }
  }
}
