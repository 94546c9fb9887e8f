package io.keras4j.callbacks;

import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Test doubles shared by the callback tests. */
final class Fixtures {
  private Fixtures() {}

  /** An optimizer that only holds a learning rate and remembers every rate it was given. */
  static final class RateOnlyOptimizer extends Optimizer {
    double rate;
    final List<Double> set = new ArrayList<>();

    RateOnlyOptimizer(double rate) {
      super(rate, "rate_only");
      this.rate = rate;
    }

    @Override
    public double learningRate() {
      return rate;
    }

    @Override
    public void setLearningRate(double learningRate) {
      rate = learningRate;
      set.add(learningRate);
    }
  }

  /** Dense(1) on 2 inputs (kernel 2x1, bias 1) whose optimizer is a RateOnlyOptimizer. */
  static final class TestModel extends Sequential {
    final RateOnlyOptimizer optimizer;

    TestModel(double rate) {
      super(new Dense(1));
      build(-1, 2);
      optimizer = new RateOnlyOptimizer(rate);
    }

    @Override
    public Optimizer optimizer() {
      return optimizer;
    }

    /** Sets every weight to {@code v}, as if an epoch of training had left them there. */
    void fill(float v) {
      setWeights(List.of(Tensor.of(new float[] {v, v}, 2, 1), Tensor.of(new float[] {v}, 1)));
    }

    /** The first kernel weight. */
    float first() {
      return getWeights().get(0).toFloatArray()[0];
    }
  }

  /** A mutable log map in the given order, e.g. {@code logs("loss", 0.5, "val_loss", 0.7)}. */
  static Map<String, Double> logs(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  /** Captures what a callback prints. */
  static final class Captured {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  static Captured capture(Callback c) {
    Captured cap = new Captured();
    c.output(cap.stream);
    return cap;
  }

  /** Collects the warnings of a class's logger while open. */
  static final class Warnings extends Handler implements AutoCloseable {
    final List<String> messages = new ArrayList<>();
    private final Logger logger;
    private final boolean parentHandlers;

    Warnings(Class<?> type) {
      logger = Logger.getLogger(type.getName());
      parentHandlers = logger.getUseParentHandlers();
      logger.setUseParentHandlers(false); // keep the test output quiet
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setUseParentHandlers(parentHandlers);
    }
  }
}
