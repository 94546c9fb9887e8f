package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dot product of two inputs along one axis of each, per sample (Keras's {@code batch_dot}):
 * e.g. {@code (batch, n) . (batch, n) -> (batch, 1)} or {@code (batch, t, d) . (batch, u, d) ->
 * (batch, t, u)} with axes (2, 2). With {@link #normalize} the inputs are L2-normalized along their
 * axes first, which gives the cosine similarity.
 */
public class Dot extends Merge {
  /** Keras's backend epsilon, the floor of the norm when normalizing. */
  private static final float EPSILON = 1e-7f;

  private final int[] axes;
  private final boolean single;
  private boolean normalize;

  /** The same axis on both inputs (negative counts from the end). */
  public Dot(int axes) {
    this.axes = new int[] {axes, axes};
    this.single = true;
  }

  public Dot(int axes0, int axes1) {
    this.axes = new int[] {axes0, axes1};
    this.single = false;
  }

  public Dot normalize(boolean normalize) {
    checkNotBuilt("normalize");
    this.normalize = normalize;
    return this;
  }

  public int[] axes() {
    return axes.clone();
  }

  /** The axes resolved against the two ranks. */
  private int[] resolved(int rank0, int rank1) {
    int[] ranks = {rank0, rank1};
    int[] r = new int[2];
    for (int i = 0; i < 2; i++) {
      r[i] = axes[i] < 0 ? axes[i] + ranks[i] : axes[i];
      if (r[i] < 0 || r[i] >= ranks[i]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (Dot): axis "
                + axes[i]
                + " is out of range for input "
                + i
                + " of rank "
                + ranks[i]
                + ". Received: axes="
                + Arrays.toString(axes));
      }
    }
    return r;
  }

  private void checkShapes(List<int[]> shapes) {
    if (shapes.size() != 2) {
      throw new IllegalArgumentException(
          "A `Dot` layer should be called on a list of 2 inputs (layer '"
              + name()
              + "'). Received: input_shape="
              + Shapes.toString(shapes));
    }
    int[] s0 = shapes.get(0);
    int[] s1 = shapes.get(1);
    if (s0.length < 2 || s1.length < 2) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Dot): cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
              + Shapes.toString(s0)
              + " and "
              + Shapes.toString(s1));
    }
    if (s0[0] >= 0 && s1[0] >= 0 && s0[0] != s1[0]) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Dot): cannot do batch_dot on inputs with different batch sizes. Received"
              + " inputs with shapes "
              + Shapes.toString(s0)
              + " and "
              + Shapes.toString(s1));
    }
    int[] a = resolved(s0.length, s1.length);
    if (a[0] == 0 || a[1] == 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Dot): cannot perform batch_dot over axis 0 (the batch axis). Received: axes="
              + Arrays.toString(axes));
    }
    int d0 = s0[a[0]];
    int d1 = s1[a[1]];
    if (d0 >= 0 && d1 >= 0 && d0 != d1) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Dot): Incompatible input shapes: axis values "
              + d0
              + " (at axis "
              + a[0]
              + ") != "
              + d1
              + " (at axis "
              + a[1]
              + "). Full input shapes: "
              + Shapes.toString(s0)
              + ", "
              + Shapes.toString(s1));
    }
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] s0 = inputShapes.get(0);
    int[] s1 = inputShapes.get(1);
    int[] a = resolved(s0.length, s1.length);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s0.length; i++) {
      if (i != a[0]) {
        out.add(s0[i]);
      }
    }
    for (int i = 1; i < s1.length; i++) {
      if (i != a[1]) {
        out.add(s1[i]);
      }
    }
    if (out.size() == 1) {
      out.add(1);
    }
    return List.of(out.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    checkShapes(List.of(ShapeRefs.of(inputs.get(0)), ShapeRefs.of(inputs.get(1))));
    return List.of(merge(inputs, List.of()));
  }

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    Tensor x = inputs.get(0);
    Tensor y = inputs.get(1);
    int[] a = resolved(x.rank(), y.rank());
    if (normalize) {
      x = l2Normalize(x, a[0]);
      y = l2Normalize(y, a[1]);
    }
    // x to (batch, m, d) with the summed axis last, y to (batch, d, n) with it second: one matmul.
    Tensor xt = Ops.transpose(x, moveAxis(x.rank(), a[0], x.rank() - 1));
    Tensor yt = Ops.transpose(y, moveAxis(y.rank(), a[1], 1));
    int[] xs = ShapeRefs.of(xt);
    int[] ys = ShapeRefs.of(yt);
    int batch = xs[0];
    int d = xs[xs.length - 1];
    int m = (int) (Shapes.size(xs) / ((long) batch * d));
    int n = (int) (Shapes.size(ys) / ((long) batch * d));
    Tensor prod = Ops.matmul(Ops.reshape(xt, batch, m, d), Ops.reshape(yt, batch, d, n));
    int[] outShape =
        Shapes.concat(
            Arrays.copyOfRange(xs, 0, xs.length - 1), Arrays.copyOfRange(ys, 2, ys.length));
    if (outShape.length == 1) {
      outShape = new int[] {batch, 1};
    }
    return Ops.reshape(prod, outShape);
  }

  /**
   * A permutation that moves axis {@code from} to position {@code to}, keeping the others' order.
   */
  private static int[] moveAxis(int rank, int from, int to) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      if (i != from) {
        order.add(i);
      }
    }
    order.add(to, from);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code x / sqrt(max(sum(x^2), epsilon^2))} along an axis, as Keras's normalize. */
  static Tensor l2Normalize(Tensor x, int axis) {
    Tensor squareSum = Ops.sum(Ops.square(x), new int[] {axis}, true);
    Tensor floor = Ops.maximum(squareSum, Tensor.scalar(EPSILON * EPSILON));
    return Ops.divide(x, Ops.sqrt(floor));
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(null);
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axes", single ? (Object) axes[0] : List.of(axes[0], axes[1]));
    c.put("normalize", normalize);
    return c;
  }

  public static Dot fromConfig(Config c) {
    int[] a = c.getIntArray("axes");
    Dot d = a.length == 1 ? new Dot(a[0]) : new Dot(a[0], a[1]);
    d.normalize(c.getBoolean("normalize", false));
    return d.applyBaseConfig(c, d);
  }
}
