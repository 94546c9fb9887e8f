package io.keras4j.data;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the tensors of pipeline elements from plain arrays (float32 and int32), so that they never
 * borrow a training step's pooled buffers: rows of a tensor, a stack of elements, the rows of a
 * batch, a copy.
 */
final class ElementTensors {
  private ElementTensors() {}

  /** A tensor's values as a float[] or int[] (one copy). */
  static Object values(Tensor t) {
    return t.dtype() == DType.INT32 ? t.toIntArray() : t.toFloatArray();
  }

  /** Row {@code i} of {@code values} (a tensor of {@code shape}), shaped {@code shape[1:]}. */
  static Tensor row(Object values, int[] shape, int i) {
    return rows(values, shape, i, i + 1, false);
  }

  /** Rows {@code [from, to)} of {@code values}, keeping the first axis when {@code keepAxis}. */
  static Tensor rows(Object values, int[] shape, int from, int to, boolean keepAxis) {
    int per = 1;
    for (int d = 1; d < shape.length; d++) {
      per *= shape[d];
    }
    int[] out = keepAxis ? shape.clone() : Arrays.copyOfRange(shape, 1, shape.length);
    if (keepAxis) {
      out[0] = to - from;
    }
    if (values instanceof int[] a) {
      return Tensor.ofInts(Arrays.copyOfRange(a, from * per, to * per), out);
    }
    return Tensor.of(Arrays.copyOfRange((float[]) values, from * per, to * per), out);
  }

  /** A fresh copy of every tensor of the element (readable after any training step). */
  static StepData copy(StepData e) {
    return new StepData(
        copyAll(e.inputs()),
        copyAll(e.targets()),
        e.sampleWeight() == null ? null : copy(e.sampleWeight()));
  }

  private static List<Tensor> copyAll(List<Tensor> ts) {
    List<Tensor> out = new ArrayList<>(ts.size());
    for (Tensor t : ts) {
      out.add(copy(t));
    }
    return out;
  }

  private static Tensor copy(Tensor t) {
    int[] s = ShapeRefs.of(t);
    return t.dtype() == DType.INT32
        ? Tensor.ofInts(t.toIntArray(), s)
        : Tensor.of(t.toFloatArray(), s);
  }

  /**
   * The elements stacked on a new first axis (tf.data's batch). They must have the same structure
   * and shapes.
   *
   * @param stage the stage, for errors
   */
  static StepData stack(List<StepData> elements, Stage stage, long firstIndex) {
    StepData first = elements.get(0);
    for (int k = 1; k < elements.size(); k++) {
      StepData e = elements.get(k);
      if (e.inputs().size() != first.inputs().size()
          || e.targets().size() != first.targets().size()
          || (e.sampleWeight() == null) != (first.sampleWeight() == null)) {
        throw new DatasetException(
            "Dataset stage "
                + stage.name()
                + ": elements must have the same structure to be batched, but element "
                + (firstIndex + k)
                + " has "
                + structure(e)
                + " and element "
                + firstIndex
                + " has "
                + structure(first)
                + " (pipeline: "
                + stage.describe()
                + ")");
      }
    }
    List<Tensor> x = new ArrayList<>();
    for (int i = 0; i < first.inputs().size(); i++) {
      final int at = i;
      x.add(stackOne(elements, e -> e.inputs().get(at), "x[" + i + "]", stage, firstIndex));
    }
    List<Tensor> y = new ArrayList<>();
    for (int i = 0; i < first.targets().size(); i++) {
      final int at = i;
      y.add(stackOne(elements, e -> e.targets().get(at), "y[" + i + "]", stage, firstIndex));
    }
    Tensor sw =
        first.sampleWeight() == null
            ? null
            : stackOne(elements, StepData::sampleWeight, "sampleWeight", stage, firstIndex);
    return new StepData(x, y, sw);
  }

  private static String structure(StepData e) {
    return e.inputs().size()
        + " inputs, "
        + e.targets().size()
        + " targets"
        + (e.sampleWeight() == null ? "" : " and sample weights");
  }

  private static Tensor stackOne(
      List<StepData> elements,
      java.util.function.Function<StepData, Tensor> part,
      String name,
      Stage stage,
      long firstIndex) {
    Tensor t0 = part.apply(elements.get(0));
    int[] shape = ShapeRefs.of(t0);
    int per = (int) t0.size();
    boolean ints = t0.dtype() == DType.INT32;
    int n = elements.size();
    float[] f = ints ? null : new float[n * per];
    int[] a = ints ? new int[n * per] : null;
    for (int k = 0; k < n; k++) {
      Tensor t = part.apply(elements.get(k));
      if (!Arrays.equals(ShapeRefs.of(t), shape) || t.dtype() != t0.dtype()) {
        throw new DatasetException(
            "Dataset stage "
                + stage.name()
                + ": elements must have the same shapes and dtypes to be batched, but "
                + name
                + " of element "
                + (firstIndex + k)
                + " is "
                + Shapes.toString(ShapeRefs.of(t))
                + " "
                + t.dtype().kerasName()
                + " and of element "
                + firstIndex
                + " is "
                + Shapes.toString(shape)
                + " "
                + t0.dtype().kerasName()
                + " (pipeline: "
                + stage.describe()
                + ")");
      }
      if (ints) {
        System.arraycopy(t.toIntArray(), 0, a, k * per, per);
      } else {
        System.arraycopy(t.toFloatArray(), 0, f, k * per, per);
      }
    }
    int[] out = new int[shape.length + 1];
    out[0] = n;
    System.arraycopy(shape, 0, out, 1, shape.length);
    return ints ? Tensor.ofInts(a, out) : Tensor.of(f, out);
  }

  /** The rows of a batch element (tf.data's unbatch). */
  static List<StepData> unstack(StepData batch, Stage stage, long index) {
    int n = -1;
    List<Tensor> all = new ArrayList<>(batch.inputs());
    all.addAll(batch.targets());
    if (batch.sampleWeight() != null) {
      all.add(batch.sampleWeight());
    }
    for (Tensor t : all) {
      int[] s = ShapeRefs.of(t);
      if (s.length == 0 || (n >= 0 && s[0] != n)) {
        throw new DatasetException(
            "Dataset stage "
                + stage.name()
                + ": element "
                + index
                + " cannot be unbatched: every tensor needs the same first (batch) dimension."
                + " Received shapes: "
                + shapes(all)
                + " (pipeline: "
                + stage.describe()
                + ")");
      }
      n = s[0];
    }
    List<List<Tensor>> xs = splitAll(batch.inputs(), n);
    List<List<Tensor>> ys = splitAll(batch.targets(), n);
    List<Tensor> sws =
        batch.sampleWeight() == null ? null : splitAll(List.of(batch.sampleWeight()), n).get(0);
    List<StepData> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      List<Tensor> x = new ArrayList<>();
      for (List<Tensor> rowsOfInput : xs) {
        x.add(rowsOfInput.get(r));
      }
      List<Tensor> y = new ArrayList<>();
      for (List<Tensor> rowsOfTarget : ys) {
        y.add(rowsOfTarget.get(r));
      }
      out.add(new StepData(x, y, sws == null ? null : sws.get(r)));
    }
    return out;
  }

  /** For each tensor, its {@code n} rows. */
  private static List<List<Tensor>> splitAll(List<Tensor> ts, int n) {
    List<List<Tensor>> out = new ArrayList<>();
    for (Tensor t : ts) {
      Object v = values(t);
      int[] s = ShapeRefs.of(t);
      List<Tensor> rows = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        rows.add(row(v, s, r));
      }
      out.add(rows);
    }
    return out;
  }

  private static String shapes(List<Tensor> ts) {
    List<String> s = new ArrayList<>();
    for (Tensor t : ts) {
      s.add(Shapes.toString(ShapeRefs.of(t)));
    }
    return s.toString();
  }
}
