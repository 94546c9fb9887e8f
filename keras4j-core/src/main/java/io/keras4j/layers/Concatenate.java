package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins a list of inputs along {@code axis} (the last by default); their shapes must match on every
 * other axis. Masks are joined the same way, an unmasked input counting as all valid.
 */
public class Concatenate extends Merge {
  private int axis = -1;

  public Concatenate() {}

  public Concatenate(int axis) {
    this.axis = axis;
  }

  public Concatenate axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  public int axis() {
    return axis;
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
  }

  /** Keras's check: equal ranks, and equal known sizes on every axis but the joined one. */
  private void checkShapes(List<int[]> shapes) {
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException(
          "A `Concatenate` layer should be called on a list of at least 1 input (layer '"
              + name()
              + "'). Received: input_shape=[]");
    }
    int rank = shapes.get(0).length;
    boolean ok = rank > 0;
    for (int[] s : shapes) {
      ok &= s.length == rank;
    }
    int ax = ok ? Shapes.axis(axis, rank) : -1;
    for (int d = 0; ok && d < rank; d++) {
      if (d == ax) {
        continue;
      }
      Set<Integer> known = new HashSet<>();
      for (int[] s : shapes) {
        if (s[d] >= 0) {
          known.add(s[d]);
        }
      }
      ok = known.size() <= 1;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Concatenate): A `Concatenate` layer requires inputs with matching shapes"
              + " except for the concatenation axis (axis="
              + axis
              + "). Received: input_shape="
              + Shapes.toString(shapes));
    }
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] out = inputShapes.get(0).clone();
    int ax = Shapes.axis(axis, out.length);
    for (int i = 1; i < inputShapes.size(); i++) {
      int d = inputShapes.get(i)[ax];
      out[ax] = out[ax] < 0 || d < 0 ? -1 : out[ax] + d;
    }
    return List.of(out);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    checkShapes(shapes);
    return List.of(merge(inputs, ctx.masks()));
  }

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return inputs.size() == 1 ? inputs.get(0) : Ops.concatenate(inputs, axis);
  }

  /**
   * Each input's mask broadcast to the input's shape (all ones for an unmasked input), joined along
   * the axis, then reduced over the last axis with OR: Keras's rule.
   */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    if (masks.isEmpty() || masks.stream().allMatch(m -> m == null)) {
      out.add(null);
      return out;
    }
    List<Tensor> full = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      Tensor m = masks.get(i);
      if (m == null) {
        full.add(Tensor.ones(ShapeRefs.of(x)));
      } else {
        full.add(Ops.broadcastTo(Ops.notEqual(maskLike(m, x), zero()), ShapeRefs.of(x)));
      }
    }
    Tensor joined = full.size() == 1 ? full.get(0) : Ops.concatenate(full, axis);
    out.add(Ops.max(joined, -1));
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  public static Concatenate fromConfig(Config c) {
    Concatenate l = new Concatenate(c.getInt("axis", -1));
    return l.applyBaseConfig(c, l);
  }
}
