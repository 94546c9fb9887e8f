package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.data.Rows;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inputs, targets and optional sample weights of a fit, evaluate or predict call, checked for a
 * common number of samples (Keras's data adapter for arrays).
 */
final class TrainingData {
  final List<Tensor> x;
  final List<Tensor> y;
  final Tensor sampleWeight;
  final int size;

  /** The row of the user's data that is row 0 here (a validation split starts further on). */
  final int firstRow;

  TrainingData(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    this(x, y, sampleWeight, 0);
  }

  private TrainingData(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int firstRow) {
    if (x == null || x.isEmpty()) {
      throw new IllegalArgumentException("No input data was given. Received: x=" + x);
    }
    for (Tensor t : x) {
      if (t == null) {
        throw new IllegalArgumentException("An input tensor is null. Received: x=" + x);
      }
    }
    this.x = List.copyOf(x);
    this.y = y == null ? List.of() : List.copyOf(y);
    this.sampleWeight = sampleWeight;
    this.size = checkCardinality();
    this.firstRow = firstRow;
  }

  private int checkCardinality() {
    int n = Rows.count(x.get(0));
    boolean same = true;
    for (Tensor t : x) {
      same &= Rows.count(t) == n;
    }
    for (Tensor t : y) {
      same &= Rows.count(t) == n;
    }
    if (sampleWeight != null) {
      same &= Rows.count(sampleWeight) == n;
    }
    if (!same) {
      StringBuilder msg =
          new StringBuilder(
              "Data cardinality is ambiguous. Make sure all arrays contain the same number of"
                  + " samples.");
      msg.append("\n'x' sizes: ").append(sizes(x));
      if (!y.isEmpty()) {
        msg.append("\n'y' sizes: ").append(sizes(y));
      }
      if (sampleWeight != null) {
        msg.append("\n'sample_weight' sizes: ").append(Rows.count(sampleWeight));
      }
      throw new IllegalArgumentException(msg.toString());
    }
    return n;
  }

  private static String sizes(List<Tensor> ts) {
    List<String> s = new ArrayList<>();
    for (Tensor t : ts) {
      s.add(String.valueOf(Rows.count(t)));
    }
    return String.join(", ", s);
  }

  boolean hasTargets() {
    return !y.isEmpty();
  }

  /** The rows {@code [from, to)} in order. */
  TrainingData slice(int from, int to) {
    List<Tensor> xs = new ArrayList<>();
    for (Tensor t : x) {
      xs.add(Rows.slice(t, from, to));
    }
    List<Tensor> ys = new ArrayList<>();
    for (Tensor t : y) {
      ys.add(Rows.slice(t, from, to));
    }
    return new TrainingData(
        xs, ys, sampleWeight == null ? null : Rows.slice(sampleWeight, from, to), firstRow + from);
  }

  /**
   * Keras's {@code validation_split}: the last {@code fraction} of the samples, taken before any
   * shuffling; returns {train, validation}.
   */
  TrainingData[] splitLast(double fraction) {
    int splitAt = (int) Math.floor(size * (1.0 - fraction));
    if (splitAt == 0 || splitAt == size) {
      throw new IllegalArgumentException(
          "Training data contains "
              + size
              + " samples, which is not sufficient to split it into a validation and training set"
              + " as specified by `validationSplit="
              + fraction
              + "`. Either provide more data, or a different value for validationSplit.");
    }
    return new TrainingData[] {slice(0, splitAt), slice(splitAt, size)};
  }

  /**
   * Sample weights from class weights, as Keras: each sample weighs the weight of its class (the
   * label, or the arg-max of a one-hot row).
   */
  /** {@link #withClassWeights(Map)} on one batch (a Dataset's or a Sequence's). */
  static StepData withClassWeights(StepData d, Map<Integer, Double> classWeight) {
    TrainingData w =
        new TrainingData(d.inputs(), d.targets(), d.sampleWeight()).withClassWeights(classWeight);
    return new StepData(w.x, w.y, w.sampleWeight);
  }

  TrainingData withClassWeights(Map<Integer, Double> classWeight) {
    if (classWeight == null) {
      return this;
    }
    if (sampleWeight != null) {
      throw new IllegalArgumentException(
          "You cannot use `classWeight` and `sampleWeight` at the same time.");
    }
    if (y.size() != 1) {
      throw new IllegalArgumentException(
          "`classWeight` is only supported for models with a single output. Received: "
              + y.size()
              + " targets");
    }
    Tensor labels = y.get(0);
    int[] s = ShapeRefs.of(labels);
    int n = size;
    float[] w = new float[n];
    boolean oneHot = s.length > 1 && s[s.length - 1] > 1;
    int width = n == 0 ? 0 : (int) (labels.size() / n);
    float[] f = labels.toFloatArray();
    for (int i = 0; i < n; i++) {
      int cls;
      if (oneHot) {
        cls = 0;
        for (int j = 1; j < width; j++) {
          if (f[i * width + j] > f[i * width + cls]) {
            cls = j;
          }
        }
      } else {
        cls = Math.round(f[i * width]);
      }
      Double cw = classWeight.get(cls);
      if (cw == null) {
        throw new IllegalArgumentException(
            "classWeight has no weight for class "
                + cls
                + " (sample "
                + i
                + "). Received: classWeight keys="
                + classWeight.keySet());
      }
      w[i] = cw.floatValue();
    }
    return new TrainingData(x, y, Tensor.of(w, n), firstRow);
  }
}
