package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.data.Rows;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.internal.Suggest;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.losses.Loss;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Mean;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.CompileOptions.LossSpec;
import io.keras4j.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled loss of a model: one loss (or none) and one weight per output, summed into the
 * total; with several losses, each output's loss is also tracked as {@code <output>_loss}.
 */
final class CompileLoss {
  private final List<String> outputNames;
  private final List<LossSpec> specs;
  private final double[] weights;
  private Loss[] losses;
  private Mean[] trackers;

  CompileLoss(CompileOptions options, List<String> outputNames) {
    this.outputNames = outputNames;
    int n = outputNames.size();
    this.specs = resolveSpecs(options, outputNames);
    this.weights = resolveWeights(options, outputNames, specs);
    if (n == 1 && specs.get(0) == null) {
      throw new IllegalArgumentException("compile: the model needs a loss. Received: loss=null");
    }
    checkLossNames(options);
  }

  /** Resolves every loss name given, so that an unknown one fails at compile with a suggestion. */
  static void checkLossNames(CompileOptions options) {
    List<LossSpec> given = new ArrayList<>();
    if (options.lossList() != null) {
      given.addAll(options.lossList());
    }
    if (options.lossMap() != null) {
      given.addAll(options.lossMap().values());
    }
    for (LossSpec s : given) {
      if (s != null && s.name() != null && !isCrossentropyShortcut(s.name())) {
        Losses.get(s.name());
      }
    }
  }

  private static List<LossSpec> resolveSpecs(CompileOptions o, List<String> names) {
    int n = names.size();
    List<LossSpec> out = new ArrayList<>();
    if (o.lossList() != null) {
      List<LossSpec> l = o.lossList();
      if (l.size() == 1) {
        for (int i = 0; i < n; i++) {
          out.add(l.get(0));
        }
      } else if (l.size() == n) {
        out.addAll(l);
      } else {
        throw new IllegalArgumentException(
            "For a model with "
                + n
                + " output(s), `loss` must be one loss or a list of "
                + n
                + " losses (one per output "
                + names
                + "). Received: "
                + l.size()
                + " losses");
      }
      return out; // one loss object for every output is fine: losses keep no state
    }
    if (o.lossMap() != null) {
      Map<String, LossSpec> m = o.lossMap();
      checkKeys(m.keySet(), names, "loss");
      for (String name : names) {
        out.add(m.get(name));
      }
      return out;
    }
    throw new IllegalArgumentException(
        "compile: no loss was given. Pass a loss, e.g. compile(\"adam\", \"mean_squared_error\").");
  }

  private static double[] resolveWeights(
      CompileOptions o, List<String> names, List<LossSpec> specs) {
    int n = names.size();
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    if (o.lossWeightList() != null) {
      List<Double> l = o.lossWeightList();
      if (l.size() != n) {
        throw new IllegalArgumentException(
            "`lossWeights` must have one weight per output "
                + names
                + ". Received: "
                + l.size()
                + " weights "
                + l);
      }
      for (int i = 0; i < n; i++) {
        w[i] = l.get(i);
      }
    } else if (o.lossWeightMap() != null) {
      checkKeys(o.lossWeightMap().keySet(), names, "lossWeights");
      for (int i = 0; i < n; i++) {
        Double d = o.lossWeightMap().get(names.get(i));
        w[i] = d == null ? 1.0 : d;
      }
    }
    return w;
  }

  static void checkKeys(Iterable<String> keys, List<String> names, String argument) {
    for (String k : keys) {
      if (!names.contains(k)) {
        throw new IllegalArgumentException(
            "The key '"
                + k
                + "' of `"
                + argument
                + "` is not an output name of the model. Expected keys among "
                + names
                + "."
                + Suggest.didYouMean(k, names));
      }
    }
  }

  static boolean isCrossentropyShortcut(String name) {
    String l = name.toLowerCase(java.util.Locale.ROOT);
    return l.equals("crossentropy") || l.equals("ce");
  }

  /** Resolves names against the first batch (the "crossentropy" shortcut looks at shapes). */
  private void build(List<Tensor> yTrue, List<Tensor> yPred) {
    int n = outputNames.size();
    losses = new Loss[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      LossSpec s = specs.get(i);
      if (s == null) {
        continue;
      }
      count++;
      if (s.loss() != null) {
        losses[i] = s.loss();
      } else if (isCrossentropyShortcut(s.name())) {
        losses[i] = crossentropyFor(yTrue.get(i), yPred.get(i));
      } else {
        losses[i] = Losses.get(s.name());
      }
    }
    trackers = new Mean[n];
    if (count > 1) {
      for (int i = 0; i < n; i++) {
        if (losses[i] != null) {
          trackers[i] = new Mean(outputNames.get(i) + "_loss");
        }
      }
    }
  }

  private static Loss crossentropyFor(Tensor yTrue, Tensor yPred) {
    int[] t = ShapeRefs.of(yTrue);
    int[] p = ShapeRefs.of(yPred);
    boolean binary = p.length > 0 && p[p.length - 1] == 1;
    boolean sparse =
        !binary && (t.length == p.length - 1 || (t.length == p.length && t[t.length - 1] == 1));
    return Losses.get(
        binary
            ? "binary_crossentropy"
            : sparse ? "sparse_categorical_crossentropy" : "categorical_crossentropy");
  }

  /**
   * The weighted sum of the outputs' losses for a batch (a scalar tensor, differentiable), each
   * output's mask (null entries: none) merged into its sample weights as Keras does; also updates
   * the per-output trackers.
   */
  Tensor compute(List<Tensor> yTrue, List<Tensor> yPred, Tensor sampleWeight, List<Tensor> masks) {
    if (yTrue.size() != outputNames.size()) {
      throw new IllegalArgumentException(
          "The model has "
              + outputNames.size()
              + " output(s) "
              + outputNames
              + " but "
              + yTrue.size()
              + " target tensor(s) were given.");
    }
    if (losses == null) {
      build(yTrue, yPred);
    }
    Tensor total = null;
    int batch = Rows.count(yPred.get(0));
    for (int i = 0; i < losses.length; i++) {
      if (losses[i] == null) {
        continue;
      }
      Tensor mask = i < masks.size() ? masks.get(i) : null;
      Tensor value;
      try {
        value = losses[i].call(yTrue.get(i), yPred.get(i), sampleWeight, mask);
      } catch (InvalidTargetException e) {
        throw losses.length > 1 ? e.forOutput(outputNames.get(i)) : e;
      }
      if (trackers[i] != null) {
        trackers[i].updateState(Tensor.scalar(value.item()), Tensor.scalar(batch));
      }
      if (weights[i] != 1.0) {
        value = Ops.multiply(value, Tensor.scalar((float) weights[i]));
      }
      total = total == null ? value : Ops.add(total, value);
    }
    return total;
  }

  /** The per-output loss trackers ({@code <output>_loss}, with several losses only). */
  List<Mean> trackers() {
    List<Mean> out = new ArrayList<>();
    if (trackers != null) {
      for (Mean t : trackers) {
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
