package io.keras4j.data;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.List;

/** The row check of an in-memory {@link Dataset}: every tensor has the same number of rows. */
final class DatasetRows {
  private DatasetRows() {}

  /** Checks that every tensor has rank >= 1 and the same first dimension; returns it. */
  static int check(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeights) {
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
}
