package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.PoolKernels;
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

/**
 * The pooling kernels ({@link PoolKernels}) on the shapes of the CNNs keras4j trains: a CIFAR-10
 * batch after a 32-channel convolution ({@code cifar}: (64, 32, 32, 32), 2x2 windows) and the seed
 * CNN's first pooling ({@code seed}: (2, 480, 680, 16), 2x2), forward and backward, max and
 * average. Each call reads the input once (and the backward also dy, y and writes dx), so the time
 * gives the bytes moved per second next to {@code ArrayOpsBenchmark}'s copy.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main PoolBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class PoolBenchmark {
  @Param({"cifar", "seed"})
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private PoolKernels pool;
  private Tensor x;
  private Tensor y;
  private Tensor dy;
  private final int[] window = {2, 2};
  private final int[] pad = {0, 0};
  private int[] out;

  @Setup(Level.Trial)
  public void setUp() {
    Backend b = Backend.current();
    b.setThreads(threads);
    pool = b.pooling();
    int[] s = shape.equals("cifar") ? new int[] {64, 32, 32, 32} : new int[] {2, 480, 680, 16};
    x = Tensor.of(values(s[0] * s[1] * s[2] * s[3], 1), s);
    out = new int[] {s[1] / 2, s[2] / 2};
    y = pool.maxPool(x, window, window, pad, out);
    dy = Tensor.of(values((int) y.size(), 2), y.shape());
  }

  private static float[] values(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  @Benchmark
  public Tensor maxForward() {
    return pool.maxPool(x, window, window, pad, out);
  }

  @Benchmark
  public Tensor maxBackward() {
    return pool.maxPoolBackward(x, y, dy, window, window, pad);
  }

  @Benchmark
  public Tensor averageForward() {
    return pool.averagePool(x, window, window, pad, out);
  }

  @Benchmark
  public Tensor averageBackward() {
    return pool.averagePoolBackward(x.shape(), dy, window, window, pad);
  }
}
