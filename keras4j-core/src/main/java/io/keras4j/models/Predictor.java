package io.keras4j.models;

import io.keras4j.Tensor;
import io.keras4j.layers.CallContext;
import java.util.ArrayList;
import java.util.List;

/** Runs a model in inference mode over its inputs batch by batch and joins the results. */
final class Predictor {
  private Predictor() {}

  static List<Tensor> predict(Model model, List<Tensor> x, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "batchSize must be positive. Received: batchSize=" + batchSize);
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("predict needs at least one input tensor");
    }
    int n = x.get(0).rank() == 0 ? 1 : x.get(0).dim(0);
    for (int i = 1; i < x.size(); i++) {
      if (x.get(i).dim(0) != n) {
        throw new IllegalArgumentException(
            "All inputs must have the same number of samples. Received: input 0 has "
                + n
                + ", input "
                + i
                + " has "
                + x.get(i).dim(0));
      }
    }
    List<List<Tensor>> parts = new ArrayList<>();
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      List<Tensor> batch = new ArrayList<>();
      for (Tensor t : x) {
        batch.add(n <= batchSize ? t : rows(t, start, end));
      }
      parts.add(model.callEager(batch, CallContext.inference()));
    }
    List<Tensor> out = new ArrayList<>();
    for (int o = 0; o < parts.get(0).size(); o++) {
      List<Tensor> pieces = new ArrayList<>();
      for (List<Tensor> p : parts) {
        pieces.add(p.get(o));
      }
      out.add(joinRows(pieces));
    }
    return out;
  }

  /** Rows [start, end) of a tensor (a copy). */
  static Tensor rows(Tensor t, int start, int end) {
    int[] s = t.shape();
    int row = (int) (t.size() / s[0]);
    s[0] = end - start;
    if (t.dtype() == io.keras4j.DType.INT32) {
      int[] d = java.util.Arrays.copyOfRange(t.ints(), start * row, end * row);
      return Tensor.wrapInts(d, s);
    }
    float[] d = java.util.Arrays.copyOfRange(t.floats(), start * row, end * row);
    return Tensor.wrap(d, s);
  }

  static Tensor joinRows(List<Tensor> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    int[] s = pieces.get(0).shape();
    long total = 0;
    int rowsTotal = 0;
    for (Tensor p : pieces) {
      total += p.size();
      rowsTotal += p.dim(0);
    }
    s[0] = rowsTotal;
    float[] d = new float[(int) total];
    int off = 0;
    for (Tensor p : pieces) {
      float[] src = p.asFloat().floats();
      System.arraycopy(src, 0, d, off, src.length);
      off += src.length;
    }
    return Tensor.wrap(d, s);
  }
}
