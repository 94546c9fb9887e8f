package io.keras4j.benchmarks;

import io.keras4j.backend.Backend;
import io.keras4j.backend.jvm.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one {@code Kernels.gemm} call for the shapes of the GEMM notes. GFLOP/s = 2 M K N / (time
 * in ns); {@link GemmGflops} prints them directly.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main GemmBenchmark -p threads=1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
  /** MxKxN with an optional :tA or :tB, as in {@link GemmShape}. */
  @Param({
    "512x512x512",
    "1024x1024x1024",
    "2048x2048x2048",
    "256x784x64",
    "32x784x64",
    "784x32x64:tA",
    "784x256x64:tA"
  })
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private GemmShape gemm;
  private Kernels kernels;

  @Setup
  public void setUp() {
    gemm = GemmShape.parse(shape);
    kernels = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    Backend.current().setThreads(threads);
  }

  @Benchmark
  public void gemm() {
    gemm.run(kernels);
  }
}
