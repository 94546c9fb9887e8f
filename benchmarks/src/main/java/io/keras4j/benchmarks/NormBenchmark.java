package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.backend.pool.Buffers;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.ops.GradientTape;
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
 * BatchNormalization on the CIFAR shape of the seed CNN's second block (batch 64, 32x32x64,
 * channels last), as the layer runs in a training step: inside an active step pool, so outputs
 * reuse their arrays. Cases: {@code copy} ({@code System.arraycopy} of the input, the memory
 * yardstick: one read and one write of 16 MB), {@code inference} (moving statistics), {@code
 * train_forward} (batch statistics and the moving update, the fused op), {@code train_step} (that
 * forward under a tape, then the gradients of the input, gamma and beta for a given output
 * gradient, as a training step asks for them), and the same two through the op chain the fused op
 * replaces ({@code *_ops}: {@code Ops.moments} then {@code Ops.batchNormalization}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main NormBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class NormBenchmark {
  @Param({
    "copy",
    "inference",
    "train_forward",
    "train_forward_ops",
    "train_step",
    "train_step_ops"
  })
  public String op;

  /** Batch, height, width, channels. */
  @Param({"64x32x32x64"})
  public String shape;

  private Tensor x;
  private Tensor dy;
  private float[] src;
  private float[] dst;
  private BatchNormalization bn;
  private final Buffers.Pool pool = new Buffers.Pool();

  @Setup(Level.Trial)
  public void setUp() {
    String[] p = shape.split("x");
    int[] s = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      s[i] = Integer.parseInt(p[i]);
    }
    x = RandomOps.uniform(s, -2, 3, 1);
    dy = RandomOps.uniform(s, -1, 1, 2);
    src = x.toFloatArray();
    dst = new float[src.length];
    bn = new BatchNormalization();
    int[] batchShape = s.clone();
    batchShape[0] = -1;
    bn.build(batchShape);
  }

  @Benchmark
  public Object run() {
    try (Buffers.Scope scope = pool.activate()) {
      return switch (op) {
        case "copy" -> {
          System.arraycopy(src, 0, dst, 0, src.length);
          yield dst;
        }
        case "inference" -> bn.apply(x, false).getFloat(0, 0, 0, 0);
        case "train_forward" -> bn.apply(x, true).getFloat(0, 0, 0, 0);
        case "train_forward_ops" -> opChain(x).getFloat(0, 0, 0, 0);
        case "train_step" -> trainStep();
        case "train_step_ops" -> trainStepOps();
        default -> throw new IllegalArgumentException("Unknown op. Received: op=" + op);
      };
    }
  }

  /** The op chain the fused op replaces: moments, then Keras's batch_normalization formula. */
  private Tensor opChain(Tensor in) {
    List<Tensor> m = Ops.moments(in, new int[] {0, 1, 2}, false);
    return Ops.batchNormalization(
        in, m.get(0), m.get(1), -1, bn.beta().value(), bn.gamma().value(), 1e-3f);
  }

  private float trainStepOps() {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      tape.watch(bn.gamma().value());
      tape.watch(bn.beta().value());
      Tensor y = opChain(x);
      List<Tensor> g = tape.gradient(y, List.of(x, bn.gamma().value(), bn.beta().value()), dy);
      return g.get(0).getFloat(0, 0, 0, 0) + g.get(1).getFloat(0) + Ops.sum(g.get(2)).item();
    }
  }

  private float trainStep() {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = bn.apply(x, true);
      List<Tensor> g = tape.gradient(y, List.of(x, bn.gamma().value(), bn.beta().value()), dy);
      return g.get(0).getFloat(0, 0, 0, 0) + g.get(1).getFloat(0) + Ops.sum(g.get(2)).item();
    }
  }
}
