package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.metrics.MeanSquaredError;
import io.keras4j.optimizers.SGD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metrics per output by output name, as Keras's {@code metrics={"output_1": ["mae"], ...}}. */
class CompileOptionsTest {
  private static final Tensor X = Tensor.of(new float[][] {{1, 2}, {3, 4}, {-1, 0.5f}});
  private static final Tensor Y1 = Tensor.of(new float[][] {{0}, {1}, {2}});
  private static final Tensor Y2 = Tensor.of(new float[][] {{1}, {1}, {-1}});

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  /** output_1 = x0 and output_2 = x1 (no bias), so the metrics are easy to write down. */
  private static Model twoOutputs() {
    KerasTensor in = Input.of(2);
    KerasTensor o1 = new Dense(1).name("output_1").apply(in);
    KerasTensor o2 = new Dense(1).name("output_2").apply(in);
    Model model = new Model(List.of(in), List.of(o1, o2));
    model.setWeights(
        List.of(
            Tensor.of(new float[] {1, 0}, 2, 1),
            Tensor.of(0f),
            Tensor.of(new float[] {0, 1}, 2, 1),
            Tensor.of(0f)));
    return model;
  }

  private static double meanAbs(Tensor pred, Tensor target) {
    float[] p = pred.toFloatArray();
    float[] t = target.toFloatArray();
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.abs(p[i] - t[i]);
    }
    return s / p.length;
  }

  private static double meanSquare(Tensor pred, Tensor target) {
    float[] p = pred.toFloatArray();
    float[] t = target.toFloatArray();
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += (p[i] - t[i]) * (double) (p[i] - t[i]);
    }
    return s / p.length;
  }

  @Test
  void metricsByOutputNameAreNamedByTheirOutput() {
    Model model = twoOutputs();
    Map<String, List<String>> metrics = new LinkedHashMap<>();
    metrics.put("output_1", List.of("mae"));
    metrics.put("output_2", List.of("mse", "mae"));
    model.compile(new CompileOptions().optimizer(new SGD(0)).loss("mse", "mse").metrics(metrics));
    // Predictions x0 = [1, 3, -1] against [0, 1, 2]; x1 = [2, 4, 0.5] against [1, 1, -1].
    Map<String, Double> s =
        model.evaluate(List.of(X), List.of(Y1, Y2), new EvaluateOptions().verbose(0));
    assertEquals(
        List.of(
            "loss",
            "output_1_loss",
            "output_1_mae",
            "output_2_loss",
            "output_2_mae",
            "output_2_mse"),
        List.copyOf(s.keySet()));
    List<Tensor> pred = model.predict(List.of(X), new PredictOptions().verbose(0));
    assertEquals((1 + 2 + 3) / 3.0, s.get("output_1_mae"), 1e-6);
    assertEquals(meanAbs(pred.get(0), Y1), s.get("output_1_mae"), 1e-6);
    assertEquals((1 + 9 + 2.25) / 3.0, s.get("output_2_mse"), 1e-5);
    assertEquals(meanSquare(pred.get(1), Y2), s.get("output_2_mse"), 1e-5);
    assertEquals((1 + 3 + 1.5) / 3.0, s.get("output_2_mae"), 1e-6);

    // fit logs the same names, validation ones with val_.
    History h =
        model.fit(
            List.of(X),
            List.of(Y1, Y2),
            new FitOptions().epochs(1).verbose(0).validationData(List.of(X), List.of(Y1, Y2)));
    assertTrue(h.history().containsKey("output_1_mae"), h.history().keySet().toString());
    assertTrue(h.history().containsKey("val_output_2_mse"), h.history().keySet().toString());
    assertEquals(s.get("output_2_mse"), h.get("val_output_2_mse").get(0), 1e-6);
  }

  @Test
  void theMapAndMetricsForGiveTheSameMetrics() {
    Model a = twoOutputs();
    a.compile(
        new CompileOptions()
            .optimizer(new SGD(0))
            .loss("mse", "mse")
            .metrics(Map.of("output_2", List.of("mae"))));
    Model b = twoOutputs();
    b.compile(
        new CompileOptions()
            .optimizer(new SGD(0))
            .loss("mse", "mse")
            .metricsFor("output_2", "mae")
            .metricsFor("output_1", new MeanSquaredError()));
    EvaluateOptions quiet = new EvaluateOptions().verbose(0);
    Map<String, Double> sa = a.evaluate(List.of(X), List.of(Y1, Y2), quiet);
    Map<String, Double> sb = b.evaluate(List.of(X), List.of(Y1, Y2), quiet);
    assertEquals(
        List.of("loss", "output_1_loss", "output_2_loss", "output_2_mae"),
        List.copyOf(sa.keySet()));
    assertEquals(sa.get("output_2_mae"), sb.get("output_2_mae"));
    assertEquals(sb.get("output_1_loss"), sb.get("output_1_mean_squared_error"), 1e-6);
  }

  @Test
  void anUnknownOutputOrMetricNameIsAnError() {
    Model model = twoOutputs();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                model.compile(
                    new CompileOptions()
                        .optimizer("sgd")
                        .loss("mse", "mse")
                        .metrics(Map.of("output_3", List.of("mae")))));
    assertTrue(e.getMessage().contains("output_3"), e.getMessage());
    var unknownMetric =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                model.compile(
                    new CompileOptions()
                        .optimizer("sgd")
                        .loss("mse", "mse")
                        .metrics(Map.of("output_1", List.of("maee")))));
    assertTrue(unknownMetric.getMessage().contains("maee"), unknownMetric.getMessage());
  }
}
