package io.keras4j.data;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory dataset: input tensors, optional target tensors and optional per-row sample weights,
 * all with the same number of rows (first dimension). {@code fit}, {@code evaluate} and {@code
 * predict} accept it in place of {@code x} and {@code y}; {@link #batch} sets the batch size they
 * use.
 *
 * <p>A dataset is immutable: {@link #take}, {@link #slice}, {@link #batch} and the {@code with...}
 * methods return new datasets. The tensors are kept as given (tensors never change).
 *
 * <pre>{@code
 * Dataset d = Dataset.of(x, y).batch(32);
 * Dataset firstHundred = d.slice(0, 100);
 * }</pre>
 */
public final class Dataset {
  private final List<Tensor> inputs;
  private final List<Tensor> targets;
  private final Tensor sampleWeights;
  private final Integer batchSize;
  private final List<String> featureNames;
  private final int size;

  private Dataset(
      List<Tensor> inputs,
      List<Tensor> targets,
      Tensor sampleWeights,
      Integer batchSize,
      List<String> featureNames) {
    this.inputs = inputs;
    this.targets = targets;
    this.sampleWeights = sampleWeights;
    this.batchSize = batchSize;
    this.featureNames = featureNames;
    this.size = checkRows(inputs, targets, sampleWeights);
  }

  /** Inputs {@code x} and targets {@code y} (both with one row per sample). */
  public static Dataset of(Tensor x, Tensor y) {
    return of(List.of(nonNull(x, "x")), List.of(nonNull(y, "y")));
  }

  /** Several inputs and several targets (a model with several inputs or outputs). */
  public static Dataset of(List<Tensor> x, List<Tensor> y) {
    if (x == null || x.isEmpty()) {
      throw new IllegalArgumentException(
          "Dataset: at least one input tensor is needed. Received: x=" + x);
    }
    if (y == null) {
      throw new IllegalArgumentException(
          "Dataset: targets must be a list (empty for inputs only). Received: y=null");
    }
    return new Dataset(copy(x, "x"), copy(y, "y"), null, null, null);
  }

  /** Inputs only, e.g. for {@code predict}. */
  public static Dataset of(Tensor x) {
    return of(List.of(nonNull(x, "x")), List.of());
  }

  private static Tensor nonNull(Tensor t, String name) {
    if (t == null) {
      throw new IllegalArgumentException(
          "Dataset: " + name + " must not be null. Received: " + name + "=null");
    }
    return t;
  }

  private static List<Tensor> copy(List<Tensor> ts, String name) {
    for (int i = 0; i < ts.size(); i++) {
      nonNull(ts.get(i), name + "[" + i + "]");
    }
    return List.copyOf(ts);
  }

  /** Checks that every tensor has rank >= 1 and the same first dimension; returns it. */
  private static int checkRows(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeights) {
    List<Tensor> all = new ArrayList<>(inputs);
    all.addAll(targets);
    if (sampleWeights != null) {
      all.add(sampleWeights);
    }
    int rows = -1;
    String first = null;
    for (int i = 0; i < all.size(); i++) {
      String name = nameOf(i, inputs.size(), targets.size());
      int[] s = ShapeRefs.of(all.get(i));
      if (s.length == 0) {
        throw new IllegalArgumentException(
            "Dataset: every tensor needs a first (row) dimension; "
                + name
                + " is a scalar. Received: "
                + name
                + ".shape=()");
      }
      if (rows < 0) {
        rows = s[0];
        first = name;
      } else if (s[0] != rows) {
        throw new IllegalArgumentException(
            "Dataset: all tensors must have the same number of rows (first dimension), but "
                + first
                + " has "
                + rows
                + " rows and "
                + name
                + " has "
                + s[0]
                + ". Received: "
                + name
                + ".shape="
                + Shapes.toString(s));
      }
    }
    return rows;
  }

  private static String nameOf(int i, int nInputs, int nTargets) {
    if (i < nInputs) {
      return nInputs == 1 ? "x" : "x[" + i + "]";
    }
    i -= nInputs;
    if (i < nTargets) {
      return nTargets == 1 ? "y" : "y[" + i + "]";
    }
    return "sampleWeights";
  }

  /** The input tensors (at least one). */
  public List<Tensor> inputs() {
    return inputs;
  }

  /** The target tensors; empty for a dataset of inputs only. */
  public List<Tensor> targets() {
    return targets;
  }

  /** The single input tensor; throws when there are several. */
  public Tensor x() {
    if (inputs.size() != 1) {
      throw new IllegalStateException(
          "Dataset.x() needs exactly one input tensor; use inputs(). Received: "
              + inputs.size()
              + " inputs");
    }
    return inputs.get(0);
  }

  /** The single target tensor; throws when there are none or several. */
  public Tensor y() {
    if (targets.size() != 1) {
      throw new IllegalStateException(
          "Dataset.y() needs exactly one target tensor; use targets(). Received: "
              + targets.size()
              + " targets");
    }
    return targets.get(0);
  }

  /** Per-row sample weights, or null. */
  public Tensor sampleWeights() {
    return sampleWeights;
  }

  /** This dataset with per-row sample weights ({@code [n]} or {@code [n, ...]}); null removes. */
  public Dataset withSampleWeights(Tensor weights) {
    return new Dataset(inputs, targets, weights, batchSize, featureNames);
  }

  /** The number of rows (samples). */
  public int size() {
    return size;
  }

  /** The batch size {@code fit} should use, or null when not batched. */
  public Integer batchSize() {
    return batchSize;
  }

  /** This dataset, to be fed in batches of {@code batchSize} rows (the last may be smaller). */
  public Dataset batch(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "Dataset: batchSize must be a positive integer. Received: batchSize=" + batchSize);
    }
    return new Dataset(inputs, targets, sampleWeights, batchSize, featureNames);
  }

  /** The number of batches of {@link #batchSize} (1 when not batched, 0 when empty). */
  public int numBatches() {
    if (size == 0) {
      return 0;
    }
    return batchSize == null ? 1 : (size + batchSize - 1) / batchSize;
  }

  /** The names of the input features (e.g. CSV column names), or null. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** This dataset with feature names (one per column of a single 2-D input); null removes. */
  public Dataset withFeatureNames(List<String> names) {
    if (names != null && inputs.size() == 1 && inputs.get(0).rank() == 2) {
      int cols = inputs.get(0).dim(1);
      if (names.size() != cols) {
        throw new IllegalArgumentException(
            "Dataset: featureNames must name each of the "
                + cols
                + " input columns. Received: "
                + names.size()
                + " names "
                + names);
      }
    }
    return new Dataset(
        inputs, targets, sampleWeights, batchSize, names == null ? null : List.copyOf(names));
  }

  /**
   * The rows {@code rowIndices} of every tensor, in that order (repeats allowed). The batch size
   * and feature names are kept.
   */
  public Dataset take(int[] rowIndices) {
    for (int i = 0; i < rowIndices.length; i++) {
      if (rowIndices[i] < 0 || rowIndices[i] >= size) {
        throw new IllegalArgumentException(
            "Dataset.take: row indices must be in [0, "
                + size
                + "). Received: rowIndices["
                + i
                + "]="
                + rowIndices[i]);
      }
    }
    return new Dataset(
        takeAll(inputs, rowIndices),
        takeAll(targets, rowIndices),
        sampleWeights == null ? null : Rows.take(sampleWeights, rowIndices),
        batchSize,
        featureNames);
  }

  private static List<Tensor> takeAll(List<Tensor> ts, int[] rows) {
    List<Tensor> out = new ArrayList<>(ts.size());
    for (Tensor t : ts) {
      out.add(Rows.take(t, rows));
    }
    return List.copyOf(out);
  }

  /** Rows {@code [from, to)} of every tensor. */
  public Dataset slice(int from, int to) {
    if (from < 0 || to < from || to > size) {
      throw new IllegalArgumentException(
          "Dataset.slice: expected 0 <= from <= to <= size ("
              + size
              + "). Received: from="
              + from
              + ", to="
              + to);
    }
    List<Tensor> xs = new ArrayList<>(inputs.size());
    for (Tensor t : inputs) {
      xs.add(Rows.slice(t, from, to));
    }
    List<Tensor> ys = new ArrayList<>(targets.size());
    for (Tensor t : targets) {
      ys.add(Rows.slice(t, from, to));
    }
    return new Dataset(
        List.copyOf(xs),
        List.copyOf(ys),
        sampleWeights == null ? null : Rows.slice(sampleWeights, from, to),
        batchSize,
        featureNames);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Dataset(size=").append(size).append(", x=");
    appendShapes(sb, inputs);
    sb.append(", y=");
    appendShapes(sb, targets);
    if (sampleWeights != null) {
      sb.append(", sampleWeights=").append(Shapes.toString(ShapeRefs.of(sampleWeights)));
    }
    if (batchSize != null) {
      sb.append(", batchSize=").append(batchSize);
    }
    return sb.append(')').toString();
  }

  private static void appendShapes(StringBuilder sb, List<Tensor> ts) {
    sb.append('[');
    for (int i = 0; i < ts.size(); i++) {
      sb.append(i > 0 ? ", " : "")
          .append(Shapes.toString(ShapeRefs.of(ts.get(i))))
          .append(' ')
          .append(ts.get(i).dtype().kerasName());
    }
    sb.append(']');
  }
}
