package io.keras4j;

import io.keras4j.internal.Json;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.ModelRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden suite's {@code losses} and {@code train} kinds. A losses case holds groups of targets
 * and predictions with per-sample values of named Keras functions (losses or metrics); a train case
 * holds a model, its initial weights, an optimizer and a loss, and the loss before and the weights
 * after each full-batch step.
 */
final class GoldenTraining {
  /** Losses and per-sample metrics: float32 formulas, compared at 1e-5 (relative above 1). */
  static final Tolerance VALUES = Tolerance.absOrRel(1e-5, 1e-5);

  /**
   * Training steps: relative 1e-4, as the issue asks (TF.js's optimizers differ from Keras's by
   * about 1e-6 relative, see tools/golden/README.md); 1e-6 absolute for values near zero.
   */
  static final Tolerance TRAINING = Tolerance.absOrRel(1e-6, 1e-4);

  /** Names in the golden files that Keras 3 spells differently. */
  private static final Map<String, String> ALIASES =
      Map.of("cosine_proximity", "cosine_similarity");

  private static final java.util.Set<String> DATA_KEYS =
      java.util.Set.of("y_true", "y_pred", "shape", "sparse_labels");

  private GoldenTraining() {}

  /** Checks every named function of every group; returns how many were checked. */
  @SuppressWarnings("unchecked")
  static int losses(String name, Map<String, Object> c) {
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Object> g : c.entrySet()) {
      if (!(g.getValue() instanceof Map<?, ?> m) || !m.containsKey("y_true")) {
        continue;
      }
      Map<String, Object> group = (Map<String, Object>) m;
      int[] shape = GoldenData.ints(group.get("shape"));
      Tensor yTrue = Tensor.of(GoldenData.floats(group.get("y_true")), shape);
      Tensor yPred = Tensor.of(GoldenData.floats(group.get("y_pred")), shape);
      Tensor sparse = null;
      if (group.containsKey("sparse_labels")) {
        int[] labels = GoldenData.ints(group.get("sparse_labels"));
        sparse = Tensor.ofInts(labels, labels.length);
      }
      for (Map.Entry<String, Object> e : group.entrySet()) {
        if (DATA_KEYS.contains(e.getKey())) {
          continue;
        }
        String fn = ALIASES.getOrDefault(e.getKey(), e.getKey());
        Tensor t = fn.startsWith("sparse_") && sparse != null ? sparse : yTrue;
        double[] expected = GoldenData.doubles(e.getValue());
        String what = name + "/" + g.getKey() + "/" + e.getKey();
        try {
          checkFunction(what, fn, t, yPred, expected);
          checked++;
        } catch (AssertionError err) {
          failures.add(err.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
    return checked;
  }

  /** Per-sample values of a loss (unreduced) or a metric (one sample at a time), and the mean. */
  private static void checkFunction(
      String what, String fn, Tensor yTrue, Tensor yPred, double[] expected) {
    int n = expected.length;
    float[] perSample = new float[n];
    Loss loss = null;
    try {
      loss = Losses.get(fn);
    } catch (IllegalArgumentException notALoss) {
      // a metric then
    }
    if (loss != null) {
      perSample = loss.compute(yTrue, yPred).toFloatArray();
      double mean = 0;
      for (double v : expected) {
        mean += v / n;
      }
      Closeness.assertClose(
          what + " (reduced)",
          new double[] {mean},
          new float[] {loss.call(yTrue, yPred).item()},
          VALUES);
    } else {
      Metric metric = Metrics.get(fn);
      for (int i = 0; i < n; i++) {
        metric.resetState();
        metric.updateState(row(yTrue, i), row(yPred, i));
        perSample[i] = metric.result().item();
      }
    }
    Closeness.assertClose(what, expected, perSample, VALUES);
  }

  private static Tensor row(Tensor t, int i) {
    int[] s = t.shape();
    int width = (int) (t.size() / s[0]);
    s[0] = 1;
    if (t.dtype() == DType.INT32) {
      return Tensor.ofInts(
          java.util.Arrays.copyOfRange(t.toIntArray(), i * width, (i + 1) * width), s);
    }
    return Tensor.of(java.util.Arrays.copyOfRange(t.toFloatArray(), i * width, (i + 1) * width), s);
  }

  /** Missing pieces for a train case (layers), empty when it can run. */
  @SuppressWarnings("unchecked")
  static List<String> trainRequirements(Map<String, Object> c) {
    return ModelRequirements.missing((Map<String, Object>) c.get("model"));
  }

  /** Replays the steps with trainOnBatch and compares losses and weights. */
  @SuppressWarnings("unchecked")
  static void train(String name, Map<String, Object> c) {
    Model model = Models.modelFromJson(Json.write((Map<String, Object>) c.get("model")));
    model.setWeights(GoldenData.tensors(c.get("initial_weights")));
    Map<String, Object> opt = new LinkedHashMap<>((Map<String, Object>) c.get("optimizer_keras"));
    String cls = (String) opt.remove("class_name");
    Optimizer optimizer =
        Optimizers.deserialize(Map.of("class_name", cls, "config", new LinkedHashMap<>(opt)));
    if (cls.equals("Adam") && String.valueOf(c.get("generator")).startsWith("tfjs")) {
      // The expected values follow TF.js's epsilon placement (see TfjsAdam).
      optimizer =
          new TfjsAdam(
              ((Number) opt.get("learning_rate")).doubleValue(),
              ((Number) opt.getOrDefault("beta_1", 0.9)).doubleValue(),
              ((Number) opt.getOrDefault("beta_2", 0.999)).doubleValue(),
              ((Number) opt.getOrDefault("epsilon", 1e-7)).doubleValue());
    }
    model.compile(
        new CompileOptions().optimizer(optimizer).loss(Losses.get((String) c.get("loss_keras"))));
    Tensor x = GoldenData.tensor((Map<String, Object>) c.get("x"), DType.FLOAT32);
    Tensor y = GoldenData.tensor((Map<String, Object>) c.get("y"), DType.FLOAT32);
    List<Object> steps = (List<Object>) c.get("steps");
    List<String> failures = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      Map<String, Object> step = (Map<String, Object>) steps.get(s);
      double loss = model.trainOnBatch(x, y).get("loss");
      double expectedLoss = ((Number) step.get("loss_before_update")).doubleValue();
      try {
        Closeness.assertClose(
            name + ": loss before step " + (s + 1),
            new double[] {expectedLoss},
            new float[] {(float) loss},
            TRAINING);
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
      List<Object> after = (List<Object>) step.get("weights_after");
      List<Tensor> actual = model.getWeights();
      for (int w = 0; w < after.size(); w++) {
        Map<String, Object> entry = (Map<String, Object>) after.get(w);
        try {
          Closeness.assertClose(
              name + ": " + entry.get("name") + " after step " + (s + 1),
              GoldenData.ints(entry.get("shape")),
              GoldenData.doubles(entry.get("data")),
              actual.get(w),
              TRAINING);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
  }
}
