package io.keras4j.benchmarks;

import io.keras4j.Tensor;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import java.util.SplittableRandom;
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
 * Time of one {@code Metric.updateState(yTrue, yPred)} on a batch of {@code rows x cols} (default
 * 256 x 10), for metrics made by name as {@code compile} makes them: {@code accuracy} (exact
 * equality of 0/1 labels and rounded predictions), {@code categorical_accuracy} (one-hot labels),
 * {@code mae}, {@code precision} (0/1 labels, threshold 0.5) and {@code auc} (200 thresholds).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks-*.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main MetricsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MetricsBenchmark {
  @Param({"accuracy", "categorical_accuracy", "mae", "precision", "auc"})
  public String metric;

  @Param({"256"})
  public int rows;

  @Param({"10"})
  public int cols;

  private Metric m;
  private Tensor yTrue;
  private Tensor yPred;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    int n = rows * cols;
    float[] t = new float[n];
    float[] p = new float[n];
    for (int r = 0; r < rows; r++) {
      int hot = rnd.nextInt(cols);
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        p[i] = (float) rnd.nextDouble();
        t[i] =
            switch (metric) {
              case "categorical_accuracy" -> c == hot ? 1f : 0f;
              case "mae" -> (float) rnd.nextDouble();
              default -> rnd.nextBoolean() ? 1f : 0f;
            };
        if (metric.equals("accuracy")) {
          p[i] = Math.round(p[i]);
        }
      }
    }
    yTrue = Tensor.of(t, rows, cols);
    yPred = Tensor.of(p, rows, cols);
    m = Metrics.get(metric);
  }

  @Setup(Level.Iteration)
  public void reset() {
    m.resetState();
  }

  @Benchmark
  public Metric updateState() {
    m.updateState(yTrue, yPred);
    return m;
  }
}
